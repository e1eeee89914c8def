// "Should we speak?" for a selection of threats assessed as one cluster: choose threats (or confirm a
// suggested cluster), see the assessment, record the decision, and the history of this cluster.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatRow } from '../../../shared/domain/threat-log';
import { api, call } from '../../api/bridge';
import { LevelBadge } from '../../components/LevelBadge';
import { useStore } from '../../store';
import { subjectKey, type AssessmentSubject } from '../../store/assessment-slice';
import { AssessmentWithDecision } from './AssessmentWithDecision';
import { SuggestedClusters } from './SuggestedClusters';
import './assessment.css';

const splitIds = (s: string | undefined): string[] => [
  ...new Set(
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

export function AssessScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('assessment');
  const navigate = useStore((s) => s.navigate);
  const ids = useMemo(() => splitIds(params.ids), [params.ids]);
  // The selection starts from the threats in the address, and again when the address changes.
  const [picked, setPicked] = useState<{ for: string; ids: string[] }>({ for: params.ids ?? '', ids });
  const selected = picked.for === (params.ids ?? '') ? picked.ids : ids;
  const setSelected = (next: string[]) => setPicked({ for: params.ids ?? '', ids: next });
  const subject: AssessmentSubject | null = useMemo(
    () => (ids.length >= 2 ? { threatIds: ids, cluster: true } : null),
    [ids],
  );

  const go = (threatIds: string[]) =>
    navigate({ screen: 'assess', params: threatIds.length ? { ids: threatIds.join(',') } : {} });

  return (
    <section className="screen assess-screen" aria-labelledby="assess-title">
      <div className="screen-header">
        <h1 id="assess-title">{t('screen.title')}</h1>
        <div className="screen-header__actions">
          <button type="button" className="button" onClick={() => navigate({ screen: 'policy' })}>
            {t('screen.openPolicy')}
          </button>
        </div>
      </div>
      <p className="form-section__hint">{t('screen.lead')}</p>
      <div className="assess-screen__layout">
        <div className="assess-screen__pick">
          <SuggestedClusters onAssess={go} />
          <ThreatPicker selected={selected} onChange={setSelected} onAssess={() => go(selected)} />
        </div>
        <div className="assess-screen__result">
          {subject ? <ClusterAssessment subject={subject} /> : <p className="notice">{t('screen.choose')}</p>}
        </div>
      </div>
    </section>
  );
}

function ClusterAssessment({ subject }: { subject: AssessmentSubject }) {
  const { t } = useTranslation('assessment');
  const key = subjectKey(subject);
  const result = useStore((s) => (s.assessmentKey === key ? s.assessment : null));
  const error = useStore((s) => (s.assessmentKey === key ? s.assessmentError : null));
  const loadAssessment = useStore((s) => s.loadAssessment);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A newly chosen cluster: take the reader (and the keyboard focus) to its assessment.
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
    void loadAssessment(subject);
    let live = true;
    void Promise.all(
      subject.threatIds.map((id) =>
        call(api.threats.get({ id })).then(
          (d) => [id, d.threat.title] as const,
          () => [id, id] as const,
        ),
      ),
    ).then((pairs) => {
      if (live) setTitles(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [subject, loadAssessment]);

  return (
    <div data-testid="cluster-assessment">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('screen.clusterTitle', { count: subject.threatIds.length })}
      </h2>
      <AssessmentWithDecision subject={subject} result={result} error={error} titles={titles} />
    </div>
  );
}

function ThreatPicker({
  selected,
  onChange,
  onAssess,
}: {
  selected: string[];
  onChange(ids: string[]): void;
  onAssess(): void;
}) {
  const { t } = useTranslation('assessment');
  const electionId = useStore((s) => s.electionId);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<ThreatRow[] | null>(null);
  const [known, setKnown] = useState<Record<string, ThreatRow>>({});

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call(
        api.threats.list({
          filter: {
            ...(electionId ? { electionId } : {}),
            ...(search.trim() ? { search: search.trim() } : {}),
          },
          sort: { field: 'firstSeen', direction: 'desc' },
          limit: 25,
        }),
      ).then(
        (page) => {
          if (!live) return;
          setRows(page.rows);
          setKnown((k) => ({ ...k, ...Object.fromEntries(page.rows.map((r) => [r.id, r])) }));
        },
        () => {
          if (live) setRows([]);
        },
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, electionId]);

  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((x) => x !== id));

  return (
    <section className="form-section threat-picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{t('picker.title')}</h2>
      <label className="field">
        <span className="field__label">{t('picker.search')}</span>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="picker-search"
        />
      </label>
      <fieldset className="checkbox-group threat-picker__list">
        <legend>{t('picker.results')}</legend>
        {rows === null ? (
          <p className="muted">{t('picker.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="muted">{t('picker.none')}</p>
        ) : null}
        {(rows ?? []).map((r) => (
          <label key={r.id}>
            <input
              type="checkbox"
              checked={selected.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />
            <span>
              <span className="pill">{r.id}</span> {r.title} <LevelBadge level={r.level} />
            </span>
          </label>
        ))}
      </fieldset>
      <p aria-live="polite">{t('picker.selected', { count: selected.length })}</p>
      {selected.length ? (
        <ul className="threat-picker__chosen" aria-label={t('picker.chosen')}>
          {selected.map((id) => (
            <li key={id}>
              <span className="pill">{id}</span> {known[id]?.title ?? ''}{' '}
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={t('picker.remove', { id })}
                onClick={() => toggle(id, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={selected.length < 2}
        onClick={onAssess}
      >
        {t('picker.assess', { count: selected.length })}
      </button>
    </section>
  );
}
