// Who is using this copy of Threshold: recorded with every change and every decision.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentitySchema } from '../../../shared/domain/app';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

export function IdentityDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation(['welcome', 'common']);
  const identity = useStore((s) => s.info?.identity ?? null);
  const setIdentity = useStore((s) => s.setIdentity);
  const [name, setName] = useState(identity?.name ?? '');
  const [role, setRole] = useState(identity?.role ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = IdentitySchema.safeParse({ name, role });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('. '));
      return;
    }
    await setIdentity(parsed.data);
    onOpenChange(false);
  }

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t('identity.title')}
      description={t('identity.body')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <Field label={t('identity.name')} required>
          {({ id }) => (
            <input id={id} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          )}
        </Field>
        <Field label={t('identity.role')} required hint={t('identity.roleHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              value={role}
              onChange={(e) => setRole(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('common:save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
