// Every version of an organisation's record, and a way back to any of them; then its contact log.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDetail, PartnerVersion } from '../../../shared/domain/partners';
import { HistoryItem } from '../../components/HistoryItem';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import type { TFunction } from 'i18next';

/** "restored version 2", "contact recorded (2027-05-01)" … in the interface language. */
function changeText(change: string, t: TFunction): string {
  const restored = /^restored version (\d+)$/.exec(change);
  if (restored) return t('history.change.restored', { version: restored[1] });
  const contact = /^contact recorded \((.+)\)$/.exec(change);
  if (contact) return t('history.change.contact', { date: formatDate(contact[1]) });
  return t(`history.change.${change}`, { defaultValue: change });
}

export function PartnerHistory({
  detail,
  onRestored,
}: {
  detail: PartnerDetail;
  onRestored(d: PartnerDetail): void;
}) {
  const { t } = useTranslation('partners');
  const partnerHistory = useStore((s) => s.partnerHistory);
  const restore = useStore((s) => s.restorePartnerVersion);
  const [versions, setVersions] = useState<PartnerVersion[] | null>(null);
  const id = detail.partner.id;
  const version = detail.meta.version;
  useEffect(() => {
    void partnerHistory(id).then(setVersions);
  }, [id, version, partnerHistory]);
  return (
    <>
      <section className="form-section partner-log" aria-labelledby="contact-log-title">
        <h2 id="contact-log-title">{t('contactLog.title')}</h2>
        {detail.partner.contactLog?.length ? (
          <ul>
            {[...detail.partner.contactLog].reverse().map((c, i) => (
              <li key={i}>
                <strong>{formatDate(c.date)}</strong> · <bdi>{c.by}</bdi>
                {c.channel ? ` · ${t(`channel.${c.channel}`)}` : ''}
                {c.note ? (
                  <>
                    {' — '}
                    <bdi>{c.note}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('contactLog.none')}</p>
        )}
      </section>
      <section className="form-section" aria-labelledby="partner-history-title">
        <h2 id="partner-history-title">{t('history.title')}</h2>
        {versions ? (
          <ol className="history" aria-label={t('history.title')}>
            {versions.map((v) => (
              <HistoryItem key={v.version} version={v} change={changeText(v.change, t)} t={t}>
                {!v.current && !v.deletedAt ? (
                  <div className="history__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void restore(id, v.version).then(onRestored)}
                    >
                      {t('history.restore', { version: v.version })}
                    </button>
                  </div>
                ) : null}
              </HistoryItem>
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}
