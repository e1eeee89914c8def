// Why: the factors. The chart against the two thresholds, each factor's points and why in plain words, the
// margins, the members of a cluster, and (folded) the numbers behind each factor.
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { factorReason, say, type Said } from '../../../shared/i18n/explain';
import { DataTable } from '../../components/DataTable';
import { EngineText, useTranslate } from './engine-text';
import { PolicyWordsText, factorName } from './policy-text';
import { ScoreChart } from './ScoreChart';
import { marginText } from './text';

export function FactorsSection({
  result,
  titles,
  H,
  headingId,
}: {
  result: AssessmentResult;
  titles?: Record<string, string>;
  H: 'h3' | 'h4';
  headingId: string;
}) {
  const { t } = useTranslation(['assessment', 'enums']);
  const tr = useTranslate();
  const fmt = (n: number) => n.toLocaleString(t('locale'), { maximumFractionDigits: 2 });
  const reason = (f: AssessmentResult['factors'][number]) =>
    typeof f.reason === 'string' ? <EngineText text={f.reason} /> : factorReason(tr, f);
  const rows = [
    ...result.factors.map((f) => ({
      id: f.id,
      name: <PolicyWordsText words={factorName(f, t)} />,
      points: fmt(f.points),
      weight: fmt(f.weight),
      why: reason(f),
    })),
    ...(result.mitigations ?? []).map((m) => ({
      id: m.id,
      name: t(`mitigation.${m.id}`, { defaultValue: m.label }),
      points: `−${fmt(m.points)}`,
      weight: '—',
      why: <EngineText text={m.reason as Said} />,
    })),
  ];
  return (
    <section aria-labelledby={headingId}>
      <H id={headingId}>{t('factors.title')}</H>
      <ScoreChart result={result} />
      <DataTable
        caption={t('factors.caption')}
        className="assessment-view__factors"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { id: 'factor', header: t('factors.factor'), rowHeader: true, cell: (r) => r.name },
          { id: 'points', header: t('factors.points'), numeric: true, cell: (r) => r.points },
          { id: 'weight', header: t('factors.weight'), numeric: true, cell: (r) => r.weight },
          { id: 'why', header: t('factors.why'), cell: (r) => r.why },
        ]}
      />
      <ul className="assessment-view__margins" aria-label={t('margin.label')}>
        <li>{marginText(result.margins.engagePrivately, 'engagePrivately', t)}</li>
        <li>{marginText(result.margins.speakPublicly, 'speakPublicly', t)}</li>
      </ul>
      <details className="assessment-view__numbers" data-testid="factor-numbers">
        <summary>{t('factors.numbers')}</summary>
        <dl>
          {result.factors.map((f) => (
            <div key={f.id}>
              <dt>
                <PolicyWordsText words={factorName(f, t)} />
              </dt>
              <dd>
                {t('factors.value', { value: fmt(f.value), weight: fmt(f.weight), points: fmt(f.points) })}
                {f.detail ? ` ${say(tr, f.detail)}` : ''}
              </dd>
            </div>
          ))}
        </dl>
      </details>
      {result.cluster && result.memberScores ? (
        <>
          <H>{t('members.title')}</H>
          <ul className="assessment-view__members">
            {result.threatIds.map((tid) => (
              <li key={tid}>
                <span className="pill">{tid}</span> <bdi>{titles?.[tid] ?? ''}</bdi> —{' '}
                {t('members.alone', { score: fmt(result.memberScores?.[tid] ?? 0) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
