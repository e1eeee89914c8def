// Records that the signed-in person contacted an organisation: when, how, and a note (audited). Who made
// the contact is the account, shown and never typed.
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
import { FormActions } from '../../components/FormActions';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function RecordContactDialog({ partner, onClose }: { partner: PartnerDetail; onClose(): void }) {
  const { t } = useTranslation(['partners', 'common']);
  const me = useStore((s) => s.session?.account?.name ?? '');
  const recordContact = useStore((s) => s.recordContact);
  const [date, setDate] = useState(today());
  const [channel, setChannel] = useState<ContactChannel | ''>(partner.partner.channels?.[0] ?? '');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError(t('contact.dateRequired'));
    if (!DateString.safeParse(date).success) return setError(t('validation:date'));
    if (date > today()) return setError(t('contact.future'));
    const done = await run(() =>
      recordContact({
        id: partner.partner.id,
        date,
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
        <p className="field__static" data-testid="contact-by">
          {t('contact.by')} <bdi>{me}</bdi>
        </p>
        <SelectField
          label={t('contact.channel')}
          placeholder={t('contact.channelNone')}
          value={channel}
          onChange={(v) => setChannel(v as ContactChannel | '')}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <TextField label={t('contact.note')} rows={3} value={note} onChange={setNote} />
        <FormActions save={t('contact.record')} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
