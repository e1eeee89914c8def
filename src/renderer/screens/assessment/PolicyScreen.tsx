// The intervention policy editor: thresholds, election-period thresholds, factor weights (summing to 100,
// shown live), the critical window and the gates, each with its description from the policy as help; a
// live preview over the current log of what the edits would change; save with a note; past versions;
// import a policy file and export the current one. A bad policy shows its reasons and the current stays.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePolicy, type Policy } from '../../../shared/domain/policy';
import { applyEditsOnTop } from '../../../shared/domain/conflict-diff';
import type { ConflictDetails } from '../../../shared/errors';
import { ConflictDialog } from '../../components/ConflictDialog';
import { LEVELS } from '../../../shared/domain/enums';
import type { ProblemLocation } from '../../../shared/errors';
import { ServiceError } from '../../api/bridge';
import { LevelBadge } from '../../components/LevelBadge';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';
import './assessment.css';

const PREVIEW_DELAY_MS = 400;

function NumberField({
  label,
  help,
  value,
  onChange,
  min,
  max,
  step = 'any',
  testId,
}: {
  label: string;
  help?: string;
  value: number;
  onChange(v: number): void;
  min: number;
  max: number;
  step?: number | 'any';
  testId?: string;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((old) =>
      Number(old) === value && old.trim() !== '' ? old : Number.isFinite(value) ? String(value) : old,
    );
  }, [value]);
  return (
    <div className="field policy-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {help ? (
        <div id={`${id}-help`} className="field__hint">
          {help}
        </div>
      ) : null}
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-describedby={help ? `${id}-help` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
        }}
      />
    </div>
  );
}

function Toggle({
  label,
  help,
  checked,
  onChange,
  testId,
}: {
  label: string;
  help?: string;
  checked: boolean;
  onChange(v: boolean): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="policy-toggle">
      <label className="toggle">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={help ? `${id}-help` : undefined}
          data-testid={testId}
        />
        {label}
      </label>
      {help ? (
        <div id={`${id}-help`} className="field__hint">
          {help}
        </div>
      ) : null}
    </div>
  );
}

export function PolicyScreen() {
  const { t } = useTranslation(['assessment', 'enums']);
  const policy = useStore((s) => s.policy);
  const setUnsaved = useStore((s) => s.setUnsaved);
  const versions = useStore((s) => s.policyVersions);
  const loadPolicy = useStore((s) => s.loadPolicy);
  const savePolicy = useStore((s) => s.savePolicy);
  const policyAtVersion = useStore((s) => s.policyAtVersion);
  const previewPolicy = useStore((s) => s.previewPolicy);
  const clearPreview = useStore((s) => s.clearPreview);
  const pushToast = useStore((s) => s.pushToast);
  const [draft, setDraft] = useState<Policy | null>(null);
  const [note, setNote] = useState('');
  const [saveProblems, setSaveProblems] = useState<{ message: string; problems: ProblemLocation[] } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loadPolicy().catch((err: Error) => setLoadError(err.message));
    return () => clearPreview();
  }, [loadPolicy, clearPreview]);
  useEffect(() => {
    if (policy) setDraft(structuredClone(policy));
  }, [policy]);

  // The live preview: the edited policy checked against the whole log, a moment after the last edit.
  const draftJson = useMemo(() => (draft ? JSON.stringify(draft) : ''), [draft]);
  useEffect(() => {
    if (!draftJson) return;
    const timer = setTimeout(() => void previewPolicy(JSON.parse(draftJson) as unknown), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftJson, previewPolicy]);
  // Live updates leave unsaved edits alone (their save meets the conflict path instead).
  const unsavedPolicy = Boolean(policy && draft && draftJson !== JSON.stringify(policy));
  useEffect(() => {
    setUnsaved('policy', unsavedPolicy);
    return () => setUnsaved('policy', false);
  }, [unsavedPolicy, setUnsaved]);

  if (loadError)
    return (
      <section className="screen">
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      </section>
    );
  if (!policy || !draft) return <section className="screen" aria-busy="true" />;

  const edit = (fn: (p: Policy) => void) =>
    setDraft((d) => {
      if (!d) return d;
      const c = structuredClone(d);
      fn(c);
      return c;
    });
  const dirty = draftJson !== JSON.stringify(policy);
  const weightSum =
    Math.round(draft.factors.reduce((s, f) => s + (Number.isFinite(f.weight) ? f.weight : 0), 0) * 1000) /
    1000;
  const ep = draft.electionPeriodThresholds ?? null;

  /** A differing field as the editor names it (a gate by its label), else its path in the policy. */
  function policyFieldLabel(field: string): string {
    const gate = /^gates\.(\w+)\.enabled$/.exec(field)?.[1];
    if (!gate) return field;
    return t(`gate.${gate.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, { defaultValue: field });
  }

  async function save(edited: Policy | null = draft, over?: number) {
    setSaveProblems(null);
    try {
      const saved = await savePolicy(edited, note, over);
      setConflict(null);
      setNote('');
      setNotice(t('policy.saved', { version: saved.version }));
      pushToast({ message: { key: 'assessment:policy.saved', values: { version: saved.version } } });
    } catch (err) {
      if (err instanceof ServiceError && err.shape.code === 'conflict' && err.shape.conflict)
        setConflict(err.shape.conflict);
      else if (err instanceof ServiceError)
        setSaveProblems({ message: err.shape.message, problems: err.shape.problems ?? [] });
      else setSaveProblems({ message: (err as Error).message, problems: [] });
    }
  }

  async function importFile(file: File) {
    setSaveProblems(null);
    setNotice(null);
    let json: unknown;
    try {
      json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch (err) {
      setSaveProblems({
        message: t('policy.importNotJson', { file: file.name, error: (err as Error).message }),
        problems: [],
      });
      return;
    }
    const parsed = parsePolicy(json);
    if (!parsed.ok) {
      setSaveProblems({
        message: t('policy.importInvalid', { file: file.name }),
        problems: parsed.errors.map((e) => ({
          where: e.split(':')[0] ?? 'policy',
          message: e.slice(e.indexOf(':') + 1).trim(),
        })),
      });
      return;
    }
    setDraft(parsed.policy);
    setNotice(t('policy.imported', { file: file.name }));
  }

  async function loadVersion(version: number) {
    setDraft(structuredClone(await policyAtVersion(version)));
    setNotice(t('policy.versionLoaded', { version }));
  }

  return (
    <section className="screen policy-screen" aria-labelledby="policy-title">
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={() => {
          // The policy in force now replaces the edits (the screen resets to what it loads).
          setConflict(null);
          void loadPolicy();
        }}
        fieldLabel={policyFieldLabel}
        onApplyMine={async (c) => {
          // The edits made here, laid over the newer policy, saved as the version after it.
          const mine = applyEditsOnTop(policy, c.theirs.record as Policy, draft);
          await save(mine, c.theirs.version);
        }}
      />
      <div className="screen-header">
        <h1 id="policy-title">{t('policy.title')}</h1>
        <div className="screen-header__actions">
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
          <button type="button" className="button" onClick={() => fileRef.current?.click()}>
            {t('policy.import')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void saveFile(
                `threshold-policy-v${policy.version}.json`,
                `${JSON.stringify(policy, null, 2)}\n`,
                'application/json',
              )
            }
          >
            {t('policy.export', { version: policy.version })}
          </button>
        </div>
      </div>
      <p className="form-section__hint">
        {t('policy.inForce', { name: policy.name, version: policy.version })} {policy.description}
      </p>
      <div aria-live="polite">{notice ? <p className="notice notice--ok">{notice}</p> : null}</div>
      {saveProblems ? (
        <div className="notice notice--error" role="alert" data-testid="policy-problems">
          <p>{saveProblems.message}</p>
          {saveProblems.problems.length ? (
            <ul>
              {saveProblems.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.where}</code>: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          <p>{t('policy.currentStays', { version: policy.version })}</p>
        </div>
      ) : null}

      <div className="policy-screen__layout">
        <form
          className="policy-screen__editor"
          onSubmit={(e) => e.preventDefault()}
          aria-label={t('policy.editorLabel')}
        >
          <fieldset className="form-section">
            <legend>{t('policy.thresholds')}</legend>
            <p className="form-section__hint">{draft.thresholds.description}</p>
            <div className="policy-grid">
              <NumberField
                label={t('policy.engageAt')}
                value={draft.thresholds.engagePrivately}
                min={0}
                max={100}
                testId="threshold-engage"
                onChange={(v) => edit((p) => void (p.thresholds.engagePrivately = v))}
              />
              <NumberField
                label={t('policy.speakAt')}
                value={draft.thresholds.speakPublicly}
                min={0}
                max={100}
                testId="threshold-speak"
                onChange={(v) => edit((p) => void (p.thresholds.speakPublicly = v))}
              />
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policy.electionPeriod')}</legend>
            <Toggle
              label={t('policy.electionPeriodOn')}
              help={ep?.description ?? t('policy.electionPeriodHelp')}
              checked={ep !== null}
              onChange={(on) =>
                edit((p) => {
                  p.electionPeriodThresholds = on
                    ? {
                        description: t('policy.electionPeriodDescription'),
                        engagePrivately: p.thresholds.engagePrivately,
                        speakPublicly: p.thresholds.speakPublicly,
                      }
                    : null;
                })
              }
            />
            {ep ? (
              <div className="policy-grid">
                <NumberField
                  label={t('policy.engageAt')}
                  value={ep.engagePrivately}
                  min={0}
                  max={100}
                  onChange={(v) => edit((p) => void (p.electionPeriodThresholds!.engagePrivately = v))}
                />
                <NumberField
                  label={t('policy.speakAt')}
                  value={ep.speakPublicly}
                  min={0}
                  max={100}
                  onChange={(v) => edit((p) => void (p.electionPeriodThresholds!.speakPublicly = v))}
                />
              </div>
            ) : null}
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policy.weights')}</legend>
            <p className="form-section__hint">{t('policy.weightsHint')}</p>
            {draft.factors.map((f, i) => (
              <NumberField
                key={f.id}
                label={f.label}
                help={f.description}
                value={f.weight}
                min={0}
                max={100}
                onChange={(v) => edit((p) => void (p.factors[i]!.weight = v))}
                testId={`weight-${f.id}`}
              />
            ))}
            <p
              className={`weight-sum${Math.abs(weightSum - 100) > 1e-6 ? ' weight-sum--bad' : ''}`}
              aria-live="polite"
              data-testid="weight-sum"
            >
              {Math.abs(weightSum - 100) > 1e-6
                ? t('policy.sumBad', { sum: weightSum })
                : t('policy.sumOk', { sum: weightSum })}
            </p>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policy.criticalWindow')}</legend>
            <p className="form-section__hint">{draft.criticalWindow.description}</p>
            <NumberField
              label={t('policy.daysBeforeAdvance')}
              help={draft.criticalWindow.daysBeforeAdvanceVoting.description}
              value={draft.criticalWindow.daysBeforeAdvanceVoting.value}
              min={0}
              max={366}
              step={1}
              onChange={(v) => edit((p) => void (p.criticalWindow.daysBeforeAdvanceVoting.value = v))}
            />
            <NumberField
              label={t('policy.daysBeforePolling')}
              help={draft.criticalWindow.daysBeforePollingDayIfNoAdvanceVoting.description}
              value={draft.criticalWindow.daysBeforePollingDayIfNoAdvanceVoting.value}
              min={0}
              max={366}
              step={1}
              onChange={(v) =>
                edit((p) => void (p.criticalWindow.daysBeforePollingDayIfNoAdvanceVoting.value = v))
              }
            />
            <NumberField
              label={t('policy.daysAfterPolling')}
              help={draft.criticalWindow.daysAfterPollingDayIfNoCertification.description}
              value={draft.criticalWindow.daysAfterPollingDayIfNoCertification.value}
              min={0}
              max={366}
              step={1}
              onChange={(v) =>
                edit((p) => void (p.criticalWindow.daysAfterPollingDayIfNoCertification.value = v))
              }
            />
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policy.gates')}</legend>
            <p className="form-section__hint">{draft.gates.description}</p>
            <Toggle
              label={t('gate.domestic-political-debate')}
              help={draft.gates.domesticPoliticalDebate.description}
              checked={draft.gates.domesticPoliticalDebate.enabled}
              onChange={(v) => edit((p) => void (p.gates.domesticPoliticalDebate.enabled = v))}
              testId="gate-domestic"
            />
            <Toggle
              label={t('gate.contained-item')}
              help={draft.gates.containedItem.description}
              checked={draft.gates.containedItem.enabled}
              onChange={(v) => edit((p) => void (p.gates.containedItem.enabled = v))}
              testId="gate-contained"
            />
            <Toggle
              label={t('gate.low-confidence-attribution')}
              help={draft.gates.lowConfidenceAttribution.description}
              checked={draft.gates.lowConfidenceAttribution.enabled}
              onChange={(v) => edit((p) => void (p.gates.lowConfidenceAttribution.enabled = v))}
              testId="gate-low-confidence"
            />
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policy.saveTitle')}</legend>
            <label className="field">
              <span className="field__label">{t('policy.note')}</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
            </label>
            <div className="form-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={!dirty}
                onClick={() => void save()}
              >
                {t('policy.save')}
              </button>
              <button
                type="button"
                className="button"
                disabled={!dirty}
                onClick={() => {
                  setDraft(structuredClone(policy));
                  setSaveProblems(null);
                  setNotice(null);
                }}
              >
                {t('policy.reset')}
              </button>
            </div>
            {!dirty ? <p className="muted">{t('policy.noEdits')}</p> : null}
          </fieldset>
        </form>

        <div className="policy-screen__side">
          <PolicyPreviewPanel dirty={dirty} />
          <section className="form-section" aria-labelledby="versions-title">
            <h2 id="versions-title">{t('policy.versions')}</h2>
            <table className="data-table" data-testid="policy-versions">
              <caption className="visually-hidden">{t('policy.versions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('policy.version')}</th>
                  <th scope="col">{t('policy.savedAt')}</th>
                  <th scope="col">{t('policy.noteColumn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('policy.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(versions ?? []).map((v) => (
                  <tr key={v.version}>
                    <td>
                      {v.version} {v.current ? <span className="pill">{t('policy.current')}</span> : null}
                    </td>
                    <td>
                      {v.savedAt ? formatDateTime(v.savedAt) : t('policy.shipped')}
                      {v.savedBy ? ` · ${v.savedBy}` : ''}
                    </td>
                    <td>{v.note ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void loadVersion(v.version)}
                        aria-label={t('policy.loadVersion', { version: v.version })}
                      >
                        {t('policy.load')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </section>
  );
}

function PolicyPreviewPanel({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation(['assessment', 'enums']);
  const preview = useStore((s) => s.preview);
  const error = useStore((s) => s.previewError);
  const pending = useStore((s) => s.previewPending);
  return (
    <section
      className="form-section policy-preview"
      aria-labelledby="preview-title"
      aria-busy={pending}
      data-testid="policy-preview"
    >
      <h2 id="preview-title">{t('preview.title')}</h2>
      <p className="form-section__hint">{dirty ? t('preview.hintEdited') : t('preview.hintNoEdits')}</p>
      {error ? (
        <div className="notice notice--error" role="alert" data-testid="preview-problems">
          <p>{t('preview.invalid')}</p>
          <ul>
            {(error.problems?.length ? error.problems : [{ where: '', message: error.message }]).map(
              (p, i) => (
                <li key={i}>
                  {p.where ? <code>{p.where}</code> : null}
                  {p.where ? ': ' : ''}
                  {p.message}
                </li>
              ),
            )}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <>
          <table className="data-table" data-testid="preview-counts">
            <caption>{t('preview.counts', { total: preview.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preview.level')}</th>
                <th scope="col" className="num">
                  {t('preview.now')}
                </th>
                <th scope="col" className="num">
                  {t('preview.edited')}
                </th>
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((l) => (
                <tr key={l} data-level={l}>
                  <th scope="row">
                    <LevelBadge level={l} />
                  </th>
                  <td className="num">{preview.current[l]}</td>
                  <td className="num">
                    {preview.proposed[l]}
                    {preview.proposed[l] !== preview.current[l]
                      ? ` (${preview.proposed[l] > preview.current[l] ? '+' : '−'}${Math.abs(preview.proposed[l] - preview.current[l])})`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p aria-live="polite" data-testid="preview-changed">
            {t('preview.changed', { count: preview.changed })}
          </p>
          {preview.changes.length ? (
            <div
              className="policy-preview__changes"
              role="region"
              aria-label={t('preview.changesCaption')}
              tabIndex={0}
            >
              <table className="data-table" data-testid="preview-changes">
                <caption className="visually-hidden">{t('preview.changesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('preview.threat')}</th>
                    <th scope="col">{t('preview.from')}</th>
                    <th scope="col">{t('preview.to')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <span className="pill">{c.id}</span> {c.title}
                      </td>
                      <td>
                        <LevelBadge level={c.from} />
                      </td>
                      <td>
                        <LevelBadge level={c.to} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.changed > preview.changes.length ? (
                <p className="muted">
                  {t('preview.more', { shown: preview.changes.length, count: preview.changed })}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : !error ? (
        <p className="muted">{t('preview.loading')}</p>
      ) : null}
    </section>
  );
}
