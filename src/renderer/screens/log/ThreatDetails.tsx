// A threat, read-only, organised around the five questions; classified notes under their banner.
import { useTranslation } from 'react-i18next';
import type { Threat } from '../../../shared/domain/workspace';
import { ClassificationBanner } from '../../components/ClassificationBanner';
import { formatDateTime, formatNumber } from '../../format';
import { highestClassification } from '../../../shared/domain/classification';

function List({ items }: { items: readonly string[] | undefined }) {
  if (!items?.length) return <p className="muted">—</p>;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function ThreatDetails({
  threat,
  onOpenRelated,
}: {
  threat: Threat;
  onOpenRelated?(id: string): void;
}) {
  const { t } = useTranslation(['threat', 'enums']);
  const top = highestClassification(threat.classifiedNotes);
  const fr = threat.translations?.fr;
  return (
    <div className="threat-details">
      <p className="threat-details__summary">{threat.summary}</p>
      <dl className="facts-grid">
        <dt>{t('q.purpose')}</dt>
        <dd>{t(`enums:purpose.${threat.purpose}`)}</dd>
        <dt>{t('q.type')}</dt>
        <dd>{t(`enums:type.${threat.type}`)}</dd>
        <dt>{t('q.target')}</dt>
        <dd>
          {t(`enums:targetKind.${threat.target.kind}`)}
          {threat.target.description ? ` — ${threat.target.description}` : ''}
        </dd>
        <dt>{t('q.time')}</dt>
        <dd>
          {formatDateTime(threat.time.firstSeen)}
          {threat.time.lastSeen ? ` → ${formatDateTime(threat.time.lastSeen)}` : ''}
        </dd>
        <dt>{t('q.place')}</dt>
        <dd>
          {t(`enums:placeLevel.${threat.place.level}`)}
          {threat.place.regions?.length ? ` · ${threat.place.regions.join(', ')}` : ''}
          {threat.place.channels?.length ? ` · ${threat.place.channels.join(', ')}` : ''}
          {threat.place.languages?.length ? ` · ${threat.place.languages.join(', ')}` : ''}
        </dd>
        <dt>{t('fields.source')}</dt>
        <dd>
          {t(`enums:actor.${threat.source.actor}`)}
          {threat.source.name ? ` — ${threat.source.name}` : ''} · {t('fields.confidence')}:{' '}
          {t(`enums:confidence.${threat.source.confidence}`)}
        </dd>
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
      <p>{threat.falseClaim || <span className="muted">—</span>}</p>
      <h3>{t('fields.facts')}</h3>
      <List items={threat.facts} />
      <h3>{t('fields.partnerActions')}</h3>
      <List items={threat.partnerActions} />
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
      <h3>{t('fields.translationFr')}</h3>
      {fr ? (
        <div lang="fr" className="translation">
          {fr.title ? (
            <p>
              <strong>{fr.title}</strong>
            </p>
          ) : null}
          {fr.summary ? <p>{fr.summary}</p> : null}
          {fr.falseClaim ? (
            <p>
              <em>{fr.falseClaim}</em>
            </p>
          ) : null}
          <List items={fr.facts} />
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
              <p>{note.text}</p>
            </div>
          ))}
          <ClassificationBanner level={top} position="bottom" />
        </section>
      ) : null}
    </div>
  );
}
