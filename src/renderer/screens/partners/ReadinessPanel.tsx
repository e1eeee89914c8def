// Pre-election readiness: the gaps in the directory, grouped, each with a way to act on it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessGap, ReadinessGapKind } from '../../../shared/domain/partners';
import { formatDate, formatNumber } from '../../format';
import { electionText } from '../../components/election-text';
import { useStore } from '../../store';

const ORDER: ReadinessGapKind[] = [
  'channel-without-partner',
  'region-without-partner',
  'partner-without-contacts',
  'role-without-backup',
  'stale-relationship',
];

export function ReadinessPanel({ onOpenPartner }: { onOpenPartner(id: string): void }) {
  const { t, i18n } = useTranslation('partners');
  const readiness = useStore((s) => s.readiness);
  const settings = useStore((s) => s.partnerSettings);
  const saveStaleDays = useStore((s) => s.saveStaleDays);
  const elections = useStore((s) => s.elections);
  const navigate = useStore((s) => s.navigate);
  // The number being typed; the saved setting until then.
  const [typedDays, setDays] = useState<string | null>(null);
  const days = typedDays ?? (settings ? String(settings.staleDays) : '');
  const [error, setError] = useState<string | null>(null);
  const daysId = useId();

  if (!readiness) return <p>{t('loading')}</p>;
  const election = elections.find((e) => e.id === readiness.electionId);
  const groups = ORDER.map((kind) => ({ kind, gaps: readiness.gaps.filter((g) => g.kind === kind) })).filter(
    (g) => g.gaps.length > 0,
  );

  async function submitDays() {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) {
      setError(t('readiness.daysInvalid'));
      return;
    }
    setError(null);
    if (n !== settings?.staleDays) await saveStaleDays(n);
  }

  function item(g: ReadinessGap) {
    switch (g.kind) {
      case 'channel-without-partner':
        return (
          <>
            {t('gap.channel', { channel: g.channel, count: g.threats, formatted: formatNumber(g.threats) })}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => navigate({ screen: 'partners', params: { id: 'new', handles: g.channel } })}
            >
              {t('gap.addForChannel', { channel: g.channel })}
            </button>
          </>
        );
      case 'region-without-partner':
        return (
          <>
            {t('gap.region', { region: g.region, count: g.threats, formatted: formatNumber(g.threats) })}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => navigate({ screen: 'partners', params: { id: 'new', regions: g.region } })}
            >
              {t('gap.addForRegion', { region: g.region })}
            </button>
          </>
        );
      case 'partner-without-contacts':
        return (
          <PartnerLink
            id={g.partnerId}
            text={t('gap.noContacts', { name: g.partnerName })}
            onOpen={onOpenPartner}
          />
        );
      case 'role-without-backup':
        return (
          <PartnerLink
            id={g.partnerId}
            text={t('gap.noBackup', { name: g.partnerName, role: g.role })}
            onOpen={onOpenPartner}
          />
        );
      case 'stale-relationship':
        return (
          <PartnerLink
            id={g.partnerId}
            text={
              g.lastContacted
                ? t('gap.stale', {
                    name: g.partnerName,
                    date: formatDate(g.lastContacted),
                    count: g.daysSince ?? 0,
                  })
                : t('gap.never', { name: g.partnerName })
            }
            onOpen={onOpenPartner}
          />
        );
    }
  }

  return (
    <section className="readiness form-section" aria-labelledby="readiness-title" data-testid="readiness">
      <h2 id="readiness-title">{t('readiness.title')}</h2>
      <p className="readiness__summary">
        {election
          ? t('readiness.for', {
              election: electionText(election, 'name', i18n.language).text,
              date: formatDate(readiness.pollingDay),
            })
          : t('readiness.noElection')}{' '}
        <strong data-testid="readiness-count">{t('readiness.gaps', { count: readiness.gaps.length })}</strong>
      </p>
      <div className="readiness__days">
        <label htmlFor={daysId}>{t('readiness.days')}</label>
        <input
          id={daysId}
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          value={days}
          aria-describedby={`${daysId}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => void submitDays()}
          onKeyDown={(e) => e.key === 'Enter' && void submitDays()}
        />
        <span id={`${daysId}-hint`} className="field__hint">
          {t('readiness.daysHint', { date: formatDate(readiness.staleBefore) })}
        </span>
        {error ? (
          <span className="field__error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      {groups.length === 0 ? <p className="notice notice--ok">{t('readiness.none')}</p> : null}
      <div className="readiness__groups">
        {groups.map(({ kind, gaps }) => (
          <section key={kind} className="readiness__group" aria-labelledby={`gap-${kind}`}>
            <h3 id={`gap-${kind}`}>
              {t(`gapKind.${kind}`)} <span className="pill">{formatNumber(gaps.length)}</span>
            </h3>
            <ul>
              {gaps.map((g, i) => (
                <li key={i}>{item(g)}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function PartnerLink({ id, text, onOpen }: { id: string; text: string; onOpen(id: string): void }) {
  return (
    <a
      href={`#/partners/${encodeURIComponent(id)}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(id);
      }}
    >
      {text}
    </a>
  );
}
