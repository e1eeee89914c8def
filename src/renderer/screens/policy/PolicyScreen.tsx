// The intervention policy editor: thresholds, election-period thresholds, factor weights (summing to 100,
// shown live), the critical window and the gates, the outcome follow-up, each with its description as help; a live preview over
// the current log of what the edits would change; save with a note; past versions; import a policy file
// and export the current one. A bad policy shows its reasons and the current one stays in force.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePolicy, type Policy } from '../../../shared/domain/policy';
import { applyEditsOnTop } from '../../../shared/domain/conflict-diff';
import type { ConflictDetails, ProblemLocation } from '../../../shared/errors';
import { conflictOf } from '../../api/bridge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { FileButton } from '../../components/FileButton';
import { TextField } from '../../components/form/TextField';
import { failureOf } from '../../components/form/problems';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { useStore } from '../../store';
import { saveFile } from '../../transfer';
import { PolicyDescription } from './PolicyDescription';
import { PolicyPreviewPanel } from './PolicyPreviewPanel';
import { PolicyProblems } from './PolicyProblems';
import { PolicyVersions } from './PolicyVersions';
import { ThresholdsEditor } from './ThresholdsEditor';
import { WeightsEditor } from './WeightsEditor';
import { WindowAndGates } from './WindowAndGates';
import { FollowUpEditor } from './FollowUpEditor';
import '../assessment/assessment.css';

const PREVIEW_DELAY_MS = 400;

export function PolicyScreen() {
  const { t } = useTranslation(['assessment', 'enums']);
  const policy = useStore((s) => s.policy);
  const versions = useStore((s) => s.policyVersions);
  const loadPolicy = useStore((s) => s.loadPolicy);
  const savePolicy = useStore((s) => s.savePolicy);
  const policyAtVersion = useStore((s) => s.policyAtVersion);
  const previewPolicy = useStore((s) => s.previewPolicy);
  const clearPreview = useStore((s) => s.clearPreview);
  const pushToast = useStore((s) => s.pushToast);
  const [edited, setEdited] = useState<Policy | null>(null);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; problems: ProblemLocation[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  // The policy the edits started from: a live update may load a newer one under them, and the save must
  // then meet the conflict path rather than quietly replace it.
  const [base, setBase] = useState<Policy | null>(null);

  useEffect(() => {
    loadPolicy().catch((err: Error) => setLoadError(err.message));
    return () => clearPreview();
  }, [loadPolicy, clearPreview]);

  // The policy in force until the person edits it (a newly saved version replaces the edits).
  const draft = edited ?? policy;
  const draftJson = useMemo(() => (draft ? JSON.stringify(draft) : ''), [draft]);
  const dirty = Boolean(policy) && draftJson !== JSON.stringify(policy);
  useUnsavedGuard('policy-editor', dirty);

  // The live preview: the edited policy checked against the whole log, a moment after the last edit.
  useEffect(() => {
    if (!draftJson) return;
    const timer = setTimeout(() => void previewPolicy(JSON.parse(draftJson) as unknown), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftJson, previewPolicy]);

  if (loadError)
    return (
      <section className="screen">
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      </section>
    );
  if (!policy || !draft) return <section className="screen" aria-busy="true" />;

  const edit = (change: (p: Policy) => void) => {
    const copy = structuredClone(draft);
    change(copy);
    if (!edited) setBase(policy);
    setEdited(copy);
  };

  /** A differing field as the editor names it (a gate by its label), else its path in the policy. */
  function policyFieldLabel(field: string): string {
    const gate = /^gates\.(\w+)\.enabled$/.exec(field)?.[1];
    if (!gate) return field;
    return t(`gate.${gate.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, { defaultValue: field });
  }

  async function save(
    changed: Policy = draft as Policy,
    over: number | undefined = (base ?? policy)?.version,
  ) {
    setRefusal(null);
    try {
      const saved = await savePolicy(changed, note, over);
      setConflict(null);
      setEdited(null);
      setBase(null);
      setNote('');
      setNotice(t('policy.saved', { version: saved.version }));
      pushToast({ message: { key: 'assessment:policy.saved', values: { version: saved.version } } });
    } catch (err) {
      const stale = conflictOf(err);
      if (stale) return setConflict(stale);
      const f = failureOf(err);
      setRefusal({ message: f.message, problems: f.problems });
    }
  }

  async function importPolicy(file: File) {
    setRefusal(null);
    setNotice(null);
    let json: unknown;
    try {
      json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch (err) {
      setRefusal({
        message: t('policy.importNotJson', { file: file.name, error: (err as Error).message }),
        problems: [],
      });
      return;
    }
    const parsed = parsePolicy(json);
    if (!parsed.ok) {
      setRefusal({ message: t('policy.importInvalid', { file: file.name }), problems: parsed.problems });
      return;
    }
    if (!edited) setBase(policy);
    setEdited(parsed.policy);
    setNotice(t('policy.imported', { file: file.name }));
  }

  async function loadVersion(version: number) {
    const older = structuredClone(await policyAtVersion(version));
    if (!edited) setBase(policy);
    setEdited(older);
    setNotice(t('policy.versionLoaded', { version }));
  }

  return (
    <section className="screen policy-screen" aria-labelledby="policy-title">
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={() => {
          // The policy in force now replaces the edits (the screen shows what it loads).
          setConflict(null);
          setEdited(null);
          setBase(null);
          void loadPolicy();
        }}
        fieldLabel={policyFieldLabel}
        onApplyMine={async (c) => {
          // The edits made here, laid over the newer policy, saved as the version after it.
          const theirs = c.theirs.record as Policy;
          await save(applyEditsOnTop(base ?? policy, theirs, draft), c.theirs.version);
        }}
      />
      <div className="screen-header">
        <h1 id="policy-title">{t('policy.title')}</h1>
        <div className="screen-header__actions">
          <FileButton
            accept="application/json,.json"
            onFile={(f) => void importPolicy(f)}
            testId="policy-file"
          >
            {t('policy.import')}
          </FileButton>
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
        {t('policy.inForce', { name: policy.name, version: policy.version })}
      </p>
      <PolicyDescription path="" text={policy.description} />
      <div aria-live="polite">{notice ? <p className="notice notice--ok">{notice}</p> : null}</div>
      {refusal ? (
        <PolicyProblems
          message={refusal.message}
          problems={refusal.problems}
          policy={draft}
          testId="policy-problems"
          note={t('policy.currentStays', { version: policy.version })}
        />
      ) : null}

      <div className="policy-screen__layout">
        <form
          className="policy-screen__editor"
          onSubmit={(e) => {
            e.preventDefault();
            if (dirty) void save();
          }}
          aria-label={t('policy.editorLabel')}
        >
          <ThresholdsEditor draft={draft} edit={edit} />
          <WeightsEditor draft={draft} edit={edit} />
          <WindowAndGates draft={draft} edit={edit} />
          <FollowUpEditor draft={draft} edit={edit} />
          <fieldset className="form-section">
            <legend>{t('policy.saveTitle')}</legend>
            <TextField label={t('policy.note')} value={note} onChange={setNote} maxLength={2000} />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={!dirty}>
                {t('policy.save')}
              </button>
              <button
                type="button"
                className="button"
                disabled={!dirty}
                onClick={() => {
                  setEdited(null);
                  setBase(null);
                  setRefusal(null);
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
          <PolicyPreviewPanel dirty={dirty} draft={draft} />
          <PolicyVersions versions={versions ?? []} onLoad={(v) => void loadVersion(v)} />
        </div>
      </div>
    </section>
  );
}
