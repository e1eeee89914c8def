// Notification to partners (the election authority, platforms, parties' security contacts): the facts first,
// then what was observed (from the record's fields: type, target, channels, places, reach), the false claim
// once, what we ask of each, what is being done, and whom to call. It leaves the organisation, so it is
// unclassified and attributes only at high confidence.
import type { DraftLang, DraftSection, LocalizedText } from '../../../shared/domain/drafting';
import { capitalize } from '../plan/role-labels';
import { toComplete } from '../text/placeholders';
import type { TemplateContext } from './context';
import { observedText } from './observed';
import {
  allFacts,
  attributionSentence,
  falseClaims,
  mediaContactText,
  protectionText,
  quote,
} from './sentences';

/** The recipients the brief always names, whatever the assessment lists. */
const DEFAULT_RECIPIENTS: { id: string; label: LocalizedText }[] = [
  { id: 'election-authority', label: { en: 'the election authority', fr: 'l’autorité électorale' } },
  { id: 'platforms', label: { en: 'online platforms', fr: 'les plateformes en ligne' } },
  {
    id: 'party-security-contacts',
    label: { en: "the parties' security contacts", fr: 'les responsables de la sécurité des partis' },
  },
];

const ASKS: Record<string, LocalizedText> = {
  'election-authority': {
    en:
      'Election authority: please confirm the facts above and, if needed, repeat them on ' +
      'your official channels.',
    fr:
      'Autorité électorale : veuillez confirmer les faits ci-dessus et, au besoin, les rappeler ' +
      'sur vos canaux officiels.',
  },
  platforms: {
    en: 'Online platforms: please review this content under your policies and tell us what action you take.',
    fr:
      'Plateformes en ligne : veuillez examiner ce contenu au regard de vos politiques et ' +
      'nous informer des mesures prises.',
  },
  'party-security-contacts': {
    en: "Parties' security contacts: please brief your campaign teams and report anything similar to us.",
    fr:
      'Responsables de la sécurité des partis : veuillez informer vos équipes de campagne ' +
      'et nous signaler toute activité semblable.',
  },
  'fact-checkers-media': {
    en:
      'Fact-checkers and news organizations: the facts above are confirmed; please use them ' +
      'when you check or report on this claim.',
    fr:
      'Vérificateurs de faits et médias : les faits ci-dessus sont confirmés; veuillez vous ' +
      'en servir pour vérifier cette affirmation ou en parler.',
  },
  'security-agency': {
    en: 'Security agency: please tell us of anything that bears on the source of this activity.',
    fr:
      'Organisme de sécurité : veuillez nous faire part de tout élément concernant la source ' +
      'de cette activité.',
  },
  police: {
    en: 'Police: please assess whether any of this activity is a crime.',
    fr: 'Police : veuillez évaluer si une partie de cette activité constitue un crime.',
  },
  'civil-society': {
    en: 'Community organizations: please share the facts above with the people you serve.',
    fr: 'Organismes communautaires : veuillez transmettre les faits ci-dessus aux personnes que vous servez.',
  },
  'election-regulator': {
    en: 'Election regulator: please assess whether election law applies to this activity.',
    fr:
      'Organisme de surveillance des élections : veuillez évaluer si la loi électorale s’applique ' +
      'à cette activité.',
  },
};

/** Older or organisation-specific ids for the same role. */
const canonical = (id: string) =>
  id === 'parties' || id === 'parties-security-contacts' ? 'party-security-contacts' : id;

export function partnerNotification(
  ctx: TemplateContext,
  lang: DraftLang,
): { title: string; sections: DraftSection[] } {
  const fr = lang === 'fr';
  const title = fr ? 'Avis aux partenaires' : 'Notification to partners';
  const recipients = [...ctx.plan.partners.map((p) => ({ id: p.id, label: p.label }))];
  for (const r of DEFAULT_RECIPIENTS) {
    if (!recipients.some((p) => canonical(p.id) === r.id)) recipients.push(r);
  }
  // An organisation with a name speaks as the election authority (see buildPlan): it does not notify itself.
  const self = ctx.organisation.name.en || ctx.organisation.name.fr;
  if (self)
    recipients.splice(0, recipients.length, ...recipients.filter((r) => r.id !== 'election-authority'));
  const claims = falseClaims(ctx, lang);
  const facts = allFacts(ctx, lang);
  const attribution = attributionSentence(ctx, lang);
  const asks = recipients
    .map((r) => ASKS[canonical(r.id)]?.[lang])
    .filter((a): a is string => a !== undefined);
  const sections: DraftSection[] = [
    {
      id: 'recipients',
      kind: 'recipients',
      heading: fr ? 'Destinataires' : 'To',
      text: recipients.map((r) => capitalize(r.label[lang])).join('\n'),
    },
    {
      id: 'fact',
      kind: 'fact',
      heading: fr ? 'Les faits' : 'The facts',
      text: (facts.length > 0 ? facts : [toComplete('threat.facts', lang)]).join('\n'),
    },
    {
      id: 'context',
      kind: 'context',
      heading: fr ? 'Ce que nous avons observé' : 'What we observed',
      text: [
        fr
          ? 'Nous vous informons d’une activité qui pourrait nuire au bon déroulement de l’élection.'
          : 'We are writing to tell you about activity that could affect the election.',
        ...ctx.threats.map((t) => observedText(ctx, t, lang)),
        ...(attribution ? [attribution] : []),
      ].join('\n'),
    },
  ];
  if (claims.length > 0)
    sections.push({
      id: 'falsehood',
      kind: 'falsehood',
      heading: fr ? 'Fausse information' : 'False claim',
      text: claims
        .map((c) =>
          fr
            ? `L’affirmation suivante est fausse : ${quote(c, lang)}`
            : `The following claim is false: ${quote(c, lang)}`,
        )
        .join('\n'),
    });
  sections.push(
    {
      id: 'asks',
      kind: 'body',
      heading: fr ? 'Ce que nous vous demandons' : 'What we ask of you',
      text: asks.join('\n'),
    },
    {
      id: 'protection',
      kind: 'protection',
      heading: fr ? 'Ce qui est fait' : 'What is being done',
      text: protectionText(ctx, lang),
    },
    {
      id: 'handling',
      kind: 'body',
      text: fr
        ? 'Cet avis est destiné à votre organisation. Veuillez ne pas le publier.'
        : 'This notice is for your organization. Please do not publish it.',
    },
    {
      id: 'contact',
      kind: 'media-contact',
      heading: fr ? 'Personne-ressource' : 'Contact',
      text: mediaContactText(ctx.plan.mediaContact, ctx, lang),
    },
  );
  return { title, sections: sections.filter((s) => s.text.trim() !== '') };
}
