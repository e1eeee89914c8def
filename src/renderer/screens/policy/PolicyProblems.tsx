// Why a policy was refused (or a preview could not run): each problem named by the part of the policy it
// is in, and said in the person's language. The policy in force stays.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Policy } from '../../../shared/domain/policy';
import type { ProblemLocation } from '../../../shared/errors';
import { problemText } from '../../components/form/problems';
import { factorName } from '../assessment/policy-text';

const PART_LABELS: Record<string, string> = {
  thresholds: 'policy.thresholds',
  electionPeriodThresholds: 'policy.electionPeriod',
  factors: 'policy.weights',
  criticalWindow: 'policy.criticalWindow',
  gates: 'policy.gates',
  outcomes: 'policy.outcomes',
};

/** "Factor weights › Reach and trend" for ['factors', 1, 'weight']; the raw location otherwise. */
function partOf(p: ProblemLocation, policy: Policy | null, t: TFunction): string {
  const [head, index] = p.path ?? [];
  const label = typeof head === 'string' && PART_LABELS[head] ? t(PART_LABELS[head]) : null;
  if (!label) return p.where;
  const factor = head === 'factors' && typeof index === 'number' ? policy?.factors[index] : undefined;
  return factor ? `${label} › ${factorName(factor, t).text}` : label;
}

export function PolicyProblems({
  message,
  problems,
  policy,
  testId,
  note,
}: {
  message: string;
  problems: readonly ProblemLocation[];
  /** The policy the problems are about (to name its factors). */
  policy: Policy | null;
  testId: string;
  /** Said after the problems (e.g. that the policy in force stays). */
  note?: string;
}) {
  const { t } = useTranslation(['assessment', 'common']);
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      <p>{message}</p>
      {problems.length ? (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{t('common:labelled', { label: partOf(p, policy, t), value: problemText(p, t) })}</li>
          ))}
        </ul>
      ) : null}
      {note ? <p>{note}</p> : null}
    </div>
  );
}
