// A threat, read-only, organised around the five questions, in the interface language: the record's French
// text when the interface is French and the record has it (the other language's text under its own
// heading, marked as such); codes shown as their labels; record text isolated from the labels beside it
// (<bdi>), so that a right-to-left character in a name cannot turn the app's own words around. Classified
// notes under their banner.
import { useTranslation } from 'react-i18next';
import type { Threat, Translation } from '../../../shared/domain/workspace';
import { highestClassification } from '../../../shared/domain/classification';
import { ClassificationBanner } from '../../components/ClassificationBanner';
import { formatDateTime, formatNumber } from '../../format';
import { channelLabel, languageLabel } from '../../labels/places';

function List({ items, lang }: { items: readonly string[] | undefined; lang?: string }) {
  if (!items?.length) return <p className="muted">—</p>;
  return (
    <ul lang={lang}>
      {items.map((item, i) => (
        <li key={i}>
          <bdi>{item}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** The public text of a threat in one language: the record's own (English) or its translation. */
interface Text {
  lang: 'en' | 'fr';
  summary?: string;
  falseClaim?: string;
  facts?: string[];
  title?: string;
}

const english = (t: Threat): Text => ({
  lang: 'en',
  title: t.title,
  summary: t.summary,
  falseClaim: t.falseClaim,
  facts: t.facts,
});
const french = (fr: Translation): Text => ({
  lang: 'fr',
  title: fr.title,
  summary: fr.summary,
  falseClaim: fr.falseClaim,
  facts: fr.facts,
});

export function ThreatDetails({
  threat,
  onOpenRelated,
}: {
  threat: Threat;
  onOpenRelated?(id: string): void;
}) {
  const { t, i18n } = useTranslation(['threat', 'enums', 'common']);
  const top = highestClassification(threat.classifiedNotes);
  const fr = threat.translations?.fr;
  const ui = i18n.language === 'fr' ? 'fr' : 'en';
  // The text in the interface language first, when the record has it; the other one below.
  const main = ui === 'fr' && fr?.summary ? french(fr) : english(threat);
  const other = main.lang === 'fr' ? english(threat) : fr ? french(fr) : null;
  const langOf = (text: Text) => (text.lang === ui ? undefined : text.lang);
  return (
    <div className="threat-details">
      <p className="threat-details__summary" lang={langOf(main)}>
        <bdi>{main.summary ?? threat.summary}</bdi>
      </p>
      <dl className="facts-grid">
        <dt>{t('q.purpose')}</dt>
        <dd>{t(`enums:purpose.${threat.purpose}`)}</dd>
        <dt>{t('q.type')}</dt>
        <dd>{t(`enums:type.${threat.type}`)}</dd>
        <dt>{t('q.target')}</dt>
        <dd>
          {t(`enums:targetKind.${threat.target.kind}`)}
          {threat.target.description ? (
            <>
              {' — '}
              {/* Not translated in the record: English under a French interface (WCAG 3.1.2). */}
              <bdi lang={ui === 'en' ? undefined : 'en'}>{threat.target.description}</bdi>
            </>
          ) : null}
        </dd>
        <dt>{t('q.time')}</dt>
        <dd>
          {formatDateTime(threat.time.firstSeen)}
          {threat.time.lastSeen ? ` → ${formatDateTime(threat.time.lastSeen)}` : ''}
        </dd>
        <dt>{t('q.place')}</dt>
        <dd>
          {t(`enums:placeLevel.${threat.place.level}`)}
          {threat.place.regions?.length ? (
            <>
              {' · '}
              <bdi>{threat.place.regions.join(', ')}</bdi>
            </>
          ) : null}
        </dd>
        {threat.place.channels?.length ? (
          <>
            <dt>{t('fields.channels')}</dt>
            <dd>{threat.place.channels.map((c) => channelLabel(c, t)).join(', ')}</dd>
          </>
        ) : null}
        {threat.place.languages?.length ? (
          <>
            <dt>{t('fields.languages')}</dt>
            <dd>{threat.place.languages.map(languageLabel).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('fields.source')}</dt>
        <dd data-testid="detail-source">
          {t(`enums:actor.${threat.source.actor}`)}
          {threat.source.name ? (
            <>
              {' — '}
              <bdi data-testid="detail-source-name">{threat.source.name}</bdi>
            </>
          ) : null}
        </dd>
        <dt>{t('fields.confidence')}</dt>
        <dd>{t(`enums:confidence.${threat.source.confidence}`)}</dd>
        <dt>{t('fields.reach')}</dt>
        <dd>
          {t(`enums:breakout.${threat.reach.breakout}`)}
          {threat.reach.estimatedAudience !== undefined
            ? ` · ${t('fields.audienceValue', { n: formatNumber(threat.reach.estimatedAudience) })}`
            : ''}
          {threat.reach.trend ? ` · ${t(`enums:trend.${threat.reach.trend}`)}` : ''}
        </dd>
        <dt>{t('fields.status')}</dt>
        <dd>{threat.status ? t(`enums:status.${threat.status}`) : '—'}</dd>
      </dl>
      <h3>{t('fields.falseClaim')}</h3>
      <p lang={langOf(main)}>
        {main.falseClaim ? <bdi>{main.falseClaim}</bdi> : <span className="muted">—</span>}
      </p>
      <h3>{t('fields.facts')}</h3>
      <List items={main.facts} lang={langOf(main)} />
      <h3>{t('fields.partnerActions')}</h3>
      <List items={threat.partnerActions} lang={ui === 'en' ? undefined : 'en'} />
      {threat.relatedIds?.length ? (
        <>
          <h3>{t('fields.related')}</h3>
          <ul className="related-list">
            {threat.relatedIds.map((id) => (
              <li key={id}>
                {onOpenRelated ? (
                  <button type="button" className="button button--link" onClick={() => onOpenRelated(id)}>
                    {id}
                  </button>
                ) : (
                  id
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{other?.lang === 'en' ? t('fields.inEnglish') : t('fields.translationFr')}</h3>
      {other ? (
        <div lang={langOf(other)} className="translation">
          {other.title ? (
            <p>
              <strong>
                <bdi>{other.title}</bdi>
              </strong>
            </p>
          ) : null}
          {other.summary ? (
            <p>
              <bdi>{other.summary}</bdi>
            </p>
          ) : null}
          {other.falseClaim ? (
            <p>
              <em>
                <bdi>{other.falseClaim}</bdi>
              </em>
            </p>
          ) : null}
          <List items={other.facts} />
        </div>
      ) : (
        <p className="muted">{t('fields.noTranslation')}</p>
      )}
      {top ? (
        <section className="classified" aria-label={t('fields.classifiedNotes')}>
          <ClassificationBanner level={top} />
          <h3>{t('fields.classifiedNotes')}</h3>
          {(threat.classifiedNotes ?? []).map((note, i) => (
            <div key={i} className="classified__note">
              <span
                className={`marker marker--classified marker--${note.classification.toLowerCase().replace(' ', '-')}`}
              >
                {t(`enums:classification.${note.classification}`)}
              </span>
              <p>
                <bdi>{note.text}</bdi>
              </p>
            </div>
          ))}
          <ClassificationBanner level={top} position="bottom" />
        </section>
      ) : null}
    </div>
  );
}
