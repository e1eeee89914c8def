// Adding or changing an election: its name, calendar, parties, candidates and official languages. The
// contract's schema checks it here first; the service's answer (e.g. dates out of order) shows beside the
// field concerned, in the interface language.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarProblems } from '../../../shared/domain/election-calendar';
import { ElectionSchema, type Election } from '../../../shared/domain/workspace';
import type { ProblemLocation } from '../../../shared/errors';
import { api, call } from '../../api/bridge';
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

export function ElectionForm({ election, onDone }: { election?: Election; onDone(): void }) {
  const { t } = useTranslation(['elections', 'common']);
  const loadElections = useStore((s) => s.loadElections);
  const loadInfo = useStore((s) => s.loadInfo);
  const pushToast = useStore((s) => s.pushToast);
  const setUnsaved = useStore((s) => s.setUnsaved);
  const [values, setValues] = useState<ElectionFormValues>(() => toElectionValues(election));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<ProblemLocation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useUnsavedGuard('election-form', dirty);

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
    try {
      await call(api.elections.save({ election: parsed.data }));
      setProblems([]);
      setDirty(false);
      setUnsaved('election-form', false);
      await Promise.all([loadElections(), loadInfo()]);
      pushToast({ message: { key: 'elections:saved', values: { name: parsed.data.name } } });
      onDone();
    } catch (err) {
      const f = failureOf(err);
      setProblems(f.problems);
      setFailure(f.problems.length ? null : f.message);
    }
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
