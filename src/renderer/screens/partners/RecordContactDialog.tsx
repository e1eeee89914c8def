// Records that someone contacted an organisation: when, how, by whom, and a note (audited).
import { ErrorNotice } from '../../components/ErrorNotice';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel, type PartnerDetail } from '../../../shared/domain/partners';
import { DateString } from '../../../shared/domain/workspace';
import { DateField } from '../../components/form/DateField';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useAction';
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
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError(t('contact.dateRequired'));
    if (!DateString.safeParse(date).success) return setError(t('validation:date'));
    if (date > today()) return setError(t('contact.future'));
    if (!by.trim()) return setError(t('contact.byRequired'));
    const done = await run(() =>
      recordContact({
        id: partner.partner.id,
        date,
        by: by.trim(),
        ...(channel ? { channel } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (done) onClose();
  }

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('contact.title', { name: partner.partner.name })}
      description={t('contact.description')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={error} />
        <DateField label={t('contact.date')} required value={date} onChange={setDate} />
        <TextField label={t('contact.by')} required value={by} onChange={setBy} />
        <SelectField
          label={t('contact.channel')}
          placeholder={t('contact.channelNone')}
          value={channel}
          onChange={(v) => setChannel(v as ContactChannel | '')}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <TextField label={t('contact.note')} rows={3} value={note} onChange={setNote} />
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
