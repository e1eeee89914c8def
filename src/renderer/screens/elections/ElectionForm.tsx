// Adding or changing an election: its name, calendar, parties, candidates and official languages. The
// contract's schema checks it here first; the service's answer (e.g. dates out of order) shows beside the
// field concerned, in the interface language. An edit starts from the version opened: someone else's save
// meanwhile is refused by the service, and the conflict dialog shows both versions side by side.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mineOnTop } from '../../../shared/domain/conflict-diff';
import { calendarProblems } from '../../../shared/domain/election-calendar';
import type { ElectionDetail } from '../../../shared/domain/elections';
import { ElectionSchema, type Election } from '../../../shared/domain/workspace';
import type { ConflictDetails, ProblemLocation } from '../../../shared/errors';
import { api, call, conflictOf } from '../../api/bridge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { DateField } from '../../components/form/DateField';
import { FormActions } from '../../components/FormActions';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { PickList } from '../../components/form/PickList';
import { failureOf, fieldErrors, problemsOfIssues } from '../../components/form/problems';
import { TextField } from '../../components/form/TextField';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { languageOptions } from '../../labels/places';
import { useStore } from '../../store';
import { fromElectionValues, toElectionValues, type ElectionFormValues } from './election-model';

const DATES = ['writIssued', 'advanceVotingStart', 'pollingDay', 'resultsCertified'] as const;
const fieldId = (key: string) => `election-field-${key}`;
/** A problem's path (the request's `election.` dropped) names the field. */
const fieldOf = (path: readonly (string | number)[]) => String(path[0] === 'election' ? path[1] : path[0]);
/** The unsaved-edits owner (useUnsavedGuard): leaving asks first, and live updates leave the form alone. */
const EDITOR = 'election-editor';

export function ElectionForm({ opened, onDone }: { opened?: ElectionDetail; onDone(): void }) {
  const { t } = useTranslation(['elections', 'common']);
  const loadElections = useStore((s) => s.loadElections);
  const loadInfo = useStore((s) => s.loadInfo);
  const pushToast = useStore((s) => s.pushToast);
  const setUnsaved = useStore((s) => s.setUnsaved);
  const electionsTick = useStore((s) => s.liveTicks.elections);
  // The version the edits here start from (what the save says it started from).
  const [base, setBase] = useState<ElectionDetail | undefined>(opened);
  const election = base?.election;
  const [values, setValues] = useState<ElectionFormValues>(() => toElectionValues(election));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<ProblemLocation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  useUnsavedGuard(EDITOR, dirty);
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;

  // A live update (someone saved an election) refreshes the form while nothing is typed here; under unsaved
  // edits the form is left alone, and its save meets the conflict path instead.
  const id = opened?.election.id;
  useEffect(() => {
    if (!id || electionsTick === 0) return;
    let current = true;
    call(api.elections.get({ id }))
      .then((detail) => {
        if (!current || dirtyNow.current) return;
        setBase(detail);
        setValues(toElectionValues(detail.election));
      })
      // Deleted meanwhile, or the session ended: the save says so.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id, electionsTick]);

  const set = <K extends keyof ElectionFormValues>(k: K, v: ElectionFormValues[K]) => {
    setDirty(true);
    setValues((s) => ({ ...s, [k]: v }));
  };
  const errors = fieldErrors(problems, t, fieldOf);
  const summary = Object.entries(errors).map(([key, message]) => ({
    target: fieldId(key),
    label: t(`fields.${key}`, { defaultValue: key }),
    message,
  }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const parsed = ElectionSchema.safeParse(fromElectionValues(values, election));
    if (!parsed.success) return setProblems(problemsOfIssues(parsed.error.issues));
    const calendar = calendarProblems(parsed.data);
    if (calendar.length) return setProblems(calendar);
    await save(parsed.data, base?.meta.version);
  }

  async function save(next: Election, expectedVersion: number | undefined) {
    try {
      await call(
        api.elections.save({
          election: next,
          ...(expectedVersion === undefined ? {} : { expectedVersion }),
        }),
      );
      setProblems([]);
      setConflict(null);
      setDirty(false);
      setUnsaved(EDITOR, false);
      await Promise.all([loadElections(), loadInfo()]);
      pushToast({ message: { key: 'elections:saved', values: { name: next.name } } });
      onDone();
    } catch (err) {
      const stale = conflictOf(err);
      if (stale) return setConflict(stale);
      const f = failureOf(err);
      setProblems(f.problems);
      setFailure(f.problems.length ? null : f.message);
    }
  }

  /** Their version replaces the form; the edits made here are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Election;
    if (base) setBase({ election: theirs, meta: { ...base.meta, version: c.theirs.version } });
    setValues(toElectionValues(theirs));
    setProblems([]);
    setFailure(null);
    setDirty(false);
    setConflict(null);
  }

  const text = (k: 'name' | 'jurisdiction' | 'id', required: boolean, hint?: string) => (
    <TextField
      id={fieldId(k)}
      label={t(`fields.${k}`)}
      required={required}
      hint={hint}
      value={values[k]}
      onChange={(v) => set(k, v)}
      disabled={k === 'id' && Boolean(election)}
      error={errors[k]}
    />
  );
  const area = (k: 'parties' | 'candidates') => (
    <TextField
      id={fieldId(k)}
      label={t(`fields.${k}`)}
      hint={t(`hints.${k}`)}
      rows={4}
      value={values[k]}
      onChange={(v) => set(k, v)}
      error={errors[k]}
    />
  );

  return (
    <form
      className="form-section election-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="election-form-title"
    >
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={keepTheirs}
        onApplyMine={(c) =>
          // The edits made here, laid over their version, saved as the version after it.
          save(mineOnTop(election, c), c.theirs.version)
        }
        fieldLabel={(path) => t(`fields.${path}`, { defaultValue: path })}
      />
      <h2 id="election-form-title">{election ? t('editTitle', { name: election.name }) : t('newTitle')}</h2>
      <ErrorSummary items={summary} message={failure} />
      <div className="form-grid">
        {text('name', true)}
        {text('jurisdiction', true)}
        {text('id', false, t('hints.id'))}
        {DATES.map((k) => (
          <DateField
            key={k}
            id={fieldId(k)}
            label={t(`fields.${k}`)}
            required={k === 'pollingDay'}
            value={values[k]}
            onChange={(v) => set(k, v)}
            error={errors[k]}
          />
        ))}
        {area('parties')}
        {area('candidates')}
      </div>
      <PickList
        id={fieldId('languages')}
        legend={t('fields.languages')}
        hint={t('hints.languages')}
        options={languageOptions()}
        value={values.languages}
        onChange={(v) => set('languages', v)}
        otherLabel={t('otherLanguages')}
        error={errors.languages}
      />
      <FormActions onCancel={onDone} />
    </form>
  );
}
