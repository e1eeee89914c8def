// "After-action report…" on the Elections screen: the report's languages and, when wanted, the classified
// annex; main writes the Word document itself (desktop: where the user says; browser mode: a download).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../../shared/domain/workspace';
import { api, serviceErrorText } from '../../api/bridge';
import { Modal } from '../../components/Modal';
import { followDownload } from '../../transfer';

type Lang = 'en' | 'fr';

export function ReportButton({ election }: { election: Election }) {
  const { t, i18n } = useTranslation('outcomes');
  const name = (i18n.language === 'fr' && election.translations?.fr?.name) || election.name;
  const [open, setOpen] = useState(false);
  const official = (['en', 'fr'] as const).filter((l) =>
    (election.languages ?? ['en', 'fr']).some((tag) => tag.toLowerCase().startsWith(l)),
  );
  const [languages, setLanguages] = useState<Lang[]>(official.length ? [...official] : ['en']);
  const [classified, setClassified] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function write() {
    setBusy(true);
    setMessage(null);
    const ordered = (['en', 'fr'] as const).filter((l) => languages.includes(l));
    const r = await api.report.save({ electionId: election.id, languages: ordered, classified });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: serviceErrorText(r.error) });
    if (r.value.download) followDownload(r.value.download, r.value.fileName);
    const name = r.value.path ?? (r.value.download ? r.value.fileName : null);
    if (name) setMessage({ ok: true, text: t('report.written', { marking: r.value.marking, name }) });
  }

  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('report.button')}
      </button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={`${t('report.title')} — ${name}`}
        description={t('report.intro')}
      >
        <fieldset className="report-dialog__languages">
          <legend>{t('report.languages')}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <label key={l} className="checkbox">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) =>
                  setLanguages(e.target.checked ? [...languages, l] : languages.filter((x) => x !== l))
                }
              />
              {l === 'en' ? 'English' : 'Français'}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={classified} onChange={(e) => setClassified(e.target.checked)} />
          {t('report.classified')}
        </label>
        {message ? (
          <p
            role={message.ok ? 'status' : 'alert'}
            className={message.ok ? 'notice' : 'notice notice--error'}
          >
            {message.text}
          </p>
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || languages.length === 0}
            onClick={() => void write()}
          >
            {t('report.write')}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('report.cancel')}
          </button>
        </div>
      </Modal>
    </>
  );
}
