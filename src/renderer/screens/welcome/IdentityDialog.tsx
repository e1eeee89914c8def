// Who is using this copy of Threshold: recorded with every change and every decision.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentitySchema } from '../../../shared/domain/app';
import type { ProblemLocation } from '../../../shared/errors';
import { failureOf, fieldErrors, problemsOfIssues } from '../../components/form/problems';
import { TextField } from '../../components/form/TextField';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

export function IdentityDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation(['welcome', 'common']);
  const identity = useStore((s) => s.info?.identity ?? null);
  const setIdentity = useStore((s) => s.setIdentity);
  const [name, setName] = useState(identity?.name ?? '');
  const [role, setRole] = useState(identity?.role ?? '');
  const [problems, setProblems] = useState<ProblemLocation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const errors = fieldErrors(problems, t);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = IdentitySchema.safeParse({ name, role });
    if (!parsed.success) {
      setProblems(problemsOfIssues(parsed.error.issues));
      return;
    }
    try {
      await setIdentity(parsed.data);
      onOpenChange(false);
    } catch (err) {
      const f = failureOf(err);
      setProblems(f.problems.map((p) => ({ ...p, path: (p.path ?? []).slice(1) })));
      setFailure(f.problems.length ? null : f.message);
    }
  }

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t('identity.title')}
      description={t('identity.body')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={failure} />
        <TextField
          label={t('identity.name')}
          required
          autoComplete="name"
          value={name}
          onChange={setName}
          error={errors.name}
        />
        <TextField
          label={t('identity.role')}
          required
          hint={t('identity.roleHint')}
          autoComplete="organization-title"
          value={role}
          onChange={setRole}
          error={errors.role}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('common:save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
