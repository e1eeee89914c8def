// Status and approval: who drafted, reviewed and approved this version (names from the accounts that
// signed, never typed), and the next step, taken by the signed-in person; approving asks for their
// passphrase again in a dialog (a fresh signature). The services refuse one's own draft and say why.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckReport, DraftRecord } from '../../../shared/domain/drafting-records';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import { FreshPassphraseDialog } from '../session/FreshPassphraseDialog';
import { StatusBadge } from './StatusBadge';
import { ErrorNotice } from '../../components/ErrorNotice';

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
  const signDraft = useStore((s) => s.signDraft);
  const pushToast = useStore((s) => s.pushToast);
  const me = useStore((s) => s.session?.account?.name ?? '');
  const [approving, setApproving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const draft = record.draft;
  const step = draft.status === 'draft' ? 'review' : draft.status === 'reviewed' ? 'approve' : null;

  // Each step starts afresh (reset while rendering, as React advises, rather than in an effect).
  const stepKey = `${draft.status}:${record.version}`;
  const [shownStep, setShownStep] = useState(stepKey);
  if (shownStep !== stepKey) {
    setShownStep(stepKey);
    setApproving(false);
    setError(null);
  }

  const blockedBy = dirty
    ? t('approval.saveFirst')
    : report.errors > 0
      ? t('approval.fixErrors', { count: report.errors })
      : null;

  function signed(version: number, kind: 'review' | 'approve') {
    pushToast({
      message: {
        key: kind === 'review' ? 'drafting:approval.reviewedToast' : 'drafting:approval.approvedToast',
        values: { version },
      },
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!step) return;
    // Approving signs: the passphrase is asked in its own dialog.
    if (step === 'approve') return setApproving(true);
    setBusy(true);
    setError(null);
    try {
      signed((await signDraft('review')).version, 'review');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="panel-box side-panel approval-panel"
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
                    role: t(`accounts:roles.${signoff.role}`, { defaultValue: signoff.role }).toLowerCase(),
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
            {blockedBy ? (
              <p id={`${ids}-blocked`} className="field__hint approval-form__blocked">
                {blockedBy}
              </p>
            ) : null}
            <ErrorNotice error={error} />
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || Boolean(blockedBy)}
              aria-describedby={blockedBy ? `${ids}-blocked` : undefined}
            >
              {step === 'review' ? t('approval.review') : t('approval.approveOpen')}
            </button>
          </fieldset>
        </form>
      ) : null}
      {approving ? (
        <FreshPassphraseDialog
          title={t('approval.approveTitle', { version: record.version })}
          description={t('approval.approveDescription', { version: record.version, name: me })}
          submitLabel={t('approval.approve')}
          onSign={async (passphrase) => signed((await signDraft('approve', passphrase)).version, 'approve')}
          onClose={() => setApproving(false)}
        />
      ) : null}
    </section>
  );
}
