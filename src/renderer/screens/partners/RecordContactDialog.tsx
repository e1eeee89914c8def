// Records that someone contacted an organisation: when, how, by whom, and a note (audited).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel, type PartnerDetail } from '../../../shared/domain/partners';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function RecordContactDialog({ partner, onClose }: { partner: PartnerDetail; onClose(): void }) {
  const { t } = useTranslation(['partners', 'common']);
  const identity = useStore((s) => s.info?.identity ?? null);
  const recordContact = useStore((s) => s.recordContact);
  const [date, setDate] = useState(today());
  const [by, setBy] = useState(identity?.name ?? '');
  const [channel, setChannel] = useState<ContactChannel | ''>(partner.partner.channels?.[0] ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError(t('contact.dateRequired'));
    if (date > today()) return setError(t('contact.future'));
    if (!by.trim()) return setError(t('contact.byRequired'));
    setBusy(true);
    try {
      await recordContact({
        id: partner.partner.id,
        date,
        by: by.trim(),
        ...(channel ? { channel } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('contact.title', { name: partner.partner.name })}
      description={t('contact.description')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <Field label={t('contact.date')} required>
          {({ id }) => (
            <input
              id={id}
              type="date"
              value={date}
              max={today()}
              required
              aria-required
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('contact.by')} required>
          {({ id }) => (
            <input id={id} value={by} required aria-required onChange={(e) => setBy(e.target.value)} />
          )}
        </Field>
        <Field label={t('contact.channel')}>
          {({ id }) => (
            <select
              id={id}
              value={channel}
              onChange={(e) => setChannel(e.target.value as ContactChannel | '')}
            >
              <option value="">{t('contact.channelNone')}</option>
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('contact.note')}>
          {({ id }) => <textarea id={id} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('contact.record')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
