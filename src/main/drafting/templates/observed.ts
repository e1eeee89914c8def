// What was observed, said from the record's fields (type, target, first seen, channels, places, reach) in each
// language: never the analyst's summary, which often repeats the false claim.
import type { DraftLang } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';
import { capitalize } from '../plan/role-labels';
import { formatDate } from '../text/dates';
import { agree } from '../text/french-grammar';
import type { TemplateContext } from './context';
import {
  TARGET_OBJECT,
  TREND_LABELS,
  TYPE_LABELS,
  audiencePhrase,
  breakoutLabel,
  channelLabel,
} from './labels';

export function observedText(ctx: TemplateContext, t: Threat, lang: DraftLang): string {
  const fr = lang === 'fr';
  const type = TYPE_LABELS[t.type];
  const since = formatDate(t.time.firstSeen.slice(0, 10), lang);
  const channels = (t.place.channels ?? []).map((c) => channelLabel(c, lang)).join(', ');
  const regions = ctx.regions(t, lang).join(', ');
  const parts = fr
    ? [
        `${capitalize(type.fr)} visant ${TARGET_OBJECT[t.target.kind].fr}, ${agree('observé', type.agreement)} ` +
          `depuis le ${since}.`,
        channels ? `Canaux : ${channels}.` : '',
        regions ? `Régions : ${regions}.` : '',
        `Portée : catégorie ${t.reach.breakout} de l’échelle Breakout (${breakoutLabel(t.reach.breakout, 'fr')})${audiencePhrase(t.reach.estimatedAudience, 'fr')}${t.reach.trend ? `, ${TREND_LABELS[t.reach.trend].fr}` : ''}.`,
      ]
    : [
        `${capitalize(type.en)} aimed at ${TARGET_OBJECT[t.target.kind].en}, seen since ${since}.`,
        channels ? `Channels: ${channels}.` : '',
        regions ? `Regions: ${regions}.` : '',
        `Reach: Breakout Scale category ${t.reach.breakout} (${breakoutLabel(t.reach.breakout, 'en')})${audiencePhrase(t.reach.estimatedAudience, 'en')}${t.reach.trend ? `, ${TREND_LABELS[t.reach.trend].en}` : ''}.`,
      ];
  return parts.filter((p) => p !== '').join(' ');
}
