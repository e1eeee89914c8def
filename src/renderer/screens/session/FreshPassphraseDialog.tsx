// A fresh signature: the signed-in person types their passphrase again to sign what they approve or
// decide, in a dialog of its own (being signed in is not enough). A refusal by the services, such as
// approving one's own draft or a wrong passphrase, is shown in the dialog as the services said it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceError } from '../../api/bridge';
import { PassphraseField } from '../../components/form/PassphraseField';
import { Modal } from '../../components/Modal';
import { FormActions } from '../../components/FormActions';

export function FreshPassphraseDialog({
  title,
  description,
  submitLabel,
  onSign,
  onClose,
  children,
}: {
  title: string;
  description: ReactNode;
  submitLabel: string;
  /** Signs with the passphrase; a thrown error is shown and the dialog stays open. */
  onSign(passphrase: string): Promise<void>;
  onClose(): void;
  /** What is being signed, shown above the passphrase. */
  children?: ReactNode;
}) {
  const { t } = useTranslation(['session', 'common']);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    if (!passphrase) return setError(t('fresh.required'));
    setError(undefined);
    setBusy(true);
    try {
      await onSign(passphrase);
      onClose();
    } catch (err) {
      setPassphrase('');
      const message = (err as Error).message;
      setRefusal(
        err instanceof ServiceError && err.shape.code === 'forbidden'
          ? t('errors.forbidden', { message })
          : message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="fresh-passphrase">
        {children}
        {refusal ? (
          <p className="notice notice--error" role="alert" data-testid="fresh-refusal">
            {refusal}
          </p>
        ) : null}
        <PassphraseField
          label={t('fresh.label')}
          hint={t('fresh.hint')}
          error={error}
          inputClassName="fresh-passphrase__input"
          value={passphrase}
          onChange={setPassphrase}
        />
        <FormActions save={busy ? t('fresh.working') : submitLabel} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
