// Status and approval: who drafted, reviewed and approved this version, and the next step, taken by a named
// person in a role (prefilled with whoever is using Threshold).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckReport, DraftRecord } from '../../../shared/domain/drafting-records';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import { StatusBadge } from './StatusBadge';

const STEPS = ['drafted', 'reviewed', 'approved'] as const;

export function ApprovalPanel({
  record,
  report,
  dirty,
  isCurrent,
}: {
  record: DraftRecord;
  report: CheckReport;
  dirty: boolean;
  isCurrent: boolean;
}) {
  const { t } = useTranslation('drafting');
  const identity = useStore((s) => s.info?.identity ?? null);
  const signDraft = useStore((s) => s.signDraft);
  const pushToast = useStore((s) => s.pushToast);
  // Each step starts from whoever is using Threshold (the editor keys this panel by step and version).
  const [typedName, setName] = useState<string | null>(null);
  const [typedRole, setRole] = useState<string | null>(null);
  const name = typedName ?? identity?.name ?? '';
  const role = typedRole ?? identity?.role ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const draft = record.draft;
  const step = draft.status === 'draft' ? 'review' : draft.status === 'reviewed' ? 'approve' : null;

  const blockedBy = dirty
    ? t('approval.saveFirst')
    : report.errors > 0
      ? t('approval.fixErrors', { count: report.errors })
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      const signed = await signDraft(step, { name, role });
      pushToast({
        message: {
          key: step === 'review' ? 'drafting:approval.reviewedToast' : 'drafting:approval.approvedToast',
          values: { version: signed.version },
        },
      });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="side-panel approval-panel"
      aria-labelledby={`${ids}-title`}
      data-testid="approval-panel"
    >
      <h2 id={`${ids}-title`}>{t('approval.title')}</h2>
      <p>
        <StatusBadge status={draft.status} />
      </p>
      <dl className="approval-steps" aria-label={t('approval.steps')}>
        {STEPS.map((s) => {
          const signoff = draft.approvals?.[s];
          return (
            <div key={s} className="approval-steps__row">
              <dt>{t(`approval.${s}`)}</dt>
              <dd data-testid={`signoff-${s}`}>
                {signoff ? (
                  t('approval.signoff', {
                    name: signoff.name,
                    role: signoff.role,
                    date: formatDate(signoff.date),
                  })
                ) : (
                  <span className="muted">{t('approval.notYet')}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {draft.status === 'approved' ? <p className="approval-panel__frozen">{t('approval.frozen')}</p> : null}
      {step && isCurrent ? (
        <form onSubmit={(e) => void submit(e)} className="approval-form">
          <fieldset>
            <legend>{step === 'review' ? t('approval.reviewLegend') : t('approval.approveLegend')}</legend>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-name`}>
                {t('approval.name')}
              </label>
              <input
                id={`${ids}-name`}
                value={name}
                autoComplete="name"
                required
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-role`}>
                {t('approval.role')}
              </label>
              <input
                id={`${ids}-role`}
                value={role}
                autoComplete="organization-title"
                required
                onChange={(e) => setRole(e.target.value)}
              />
            </div>
            {blockedBy ? (
              <p id={`${ids}-blocked`} className="field__hint approval-form__blocked">
                {blockedBy}
              </p>
            ) : null}
            {error ? (
              <p className="notice notice--error" role="alert">
                {error}
              </p>
            ) : null}
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || Boolean(blockedBy) || !name.trim() || !role.trim()}
              aria-describedby={blockedBy ? `${ids}-blocked` : undefined}
            >
              {step === 'review' ? t('approval.review') : t('approval.approve')}
            </button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
