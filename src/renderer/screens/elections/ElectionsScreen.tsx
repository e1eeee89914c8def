// Managing elections: calendar, parties, candidates, official languages.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarProblems } from '../../../shared/domain/election-calendar';
import { ElectionSchema, type Election } from '../../../shared/domain/workspace';
import { ServiceError, api, call } from '../../api/bridge';
import { Field } from '../../components/Field';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import { ReportButton } from '../outcomes/ReportDialog';
import { fromElectionValues, toElectionValues, type ElectionFormValues } from './election-model';

function ElectionForm({ election, onDone }: { election?: Election; onDone(): void }) {
  const { t } = useTranslation(['elections', 'common']);
  const loadElections = useStore((s) => s.loadElections);
  const loadInfo = useStore((s) => s.loadInfo);
  const [values, setValues] = useState<ElectionFormValues>(() => toElectionValues(election));
  const [errors, setErrors] = useState<string[]>([]);
  const set = (k: keyof ElectionFormValues, v: string) => setValues((s) => ({ ...s, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = ElectionSchema.safeParse(fromElectionValues(values, election));
    if (!parsed.success) {
      setErrors(
        parsed.error.issues.map(
          (i) => `${t(`fields.${String(i.path[0])}`, { defaultValue: String(i.path[0]) })}: ${i.message}`,
        ),
      );
      return;
    }
    const calendar = calendarProblems(parsed.data);
    if (calendar.length) {
      setErrors(calendar.map((p) => p.message));
      return;
    }
    try {
      await call(api.elections.save({ election: parsed.data }));
      await Promise.all([loadElections(), loadInfo()]);
      onDone();
    } catch (err) {
      setErrors([err instanceof ServiceError ? err.message : String(err)]);
    }
  }

  const input = (k: keyof ElectionFormValues, type = 'text', required = false, hint?: string) => (
    <Field label={t(`fields.${k}`)} required={required} hint={hint}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type={type}
          aria-describedby={describedBy}
          aria-required={required}
          value={values[k]}
          onChange={(e) => set(k, e.target.value)}
          disabled={k === 'id' && Boolean(election)}
        />
      )}
    </Field>
  );
  const area = (k: keyof ElectionFormValues, hint: string) => (
    <Field label={t(`fields.${k}`)} hint={hint}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          rows={4}
          aria-describedby={describedBy}
          value={values[k]}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="election-form" onSubmit={(e) => void submit(e)} noValidate>
      {errors.length ? (
        <div className="notice notice--error" role="alert">
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-grid">
        {input('name', 'text', true)}
        {input('jurisdiction', 'text', true)}
        {input('id', 'text', false, t('hints.id'))}
        {input('languages', 'text', false, t('hints.languages'))}
        {input('writIssued', 'date')}
        {input('advanceVotingStart', 'date')}
        {input('pollingDay', 'date', true)}
        {input('resultsCertified', 'date')}
        {area('parties', t('hints.parties'))}
        {area('candidates', t('hints.candidates'))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('common:save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

export function ElectionsScreen() {
  const { t } = useTranslation(['elections', 'common']);
  const elections = useStore((s) => s.elections);
  const loadElections = useStore((s) => s.loadElections);
  const [editing, setEditing] = useState<Election | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: string) {
    setError(null);
    try {
      await call(api.elections.delete({ id }));
      await loadElections();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section className="screen" aria-labelledby="elections-title">
      <div className="screen-header">
        <h1 id="elections-title">{t('title')}</h1>
        {!editing ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {editing ? (
        <ElectionForm election={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : null}
      <table className="data-table">
        <caption className="visually-hidden">{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('fields.jurisdiction')}</th>
            <th scope="col">{t('fields.advanceVotingStart')}</th>
            <th scope="col">{t('fields.pollingDay')}</th>
            <th scope="col">{t('fields.parties')}</th>
            <th scope="col">{t('fields.languages')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common:actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {elections.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.name}</th>
              <td>{e.jurisdiction}</td>
              <td>{formatDate(e.advanceVotingStart)}</td>
              <td>{formatDate(e.pollingDay)}</td>
              <td>{e.parties?.length ?? 0}</td>
              <td>{(e.languages ?? []).join(', ')}</td>
              <td className="data-table__actions">
                <ReportButton election={e} />
                <button type="button" className="button button--small" onClick={() => setEditing(e)}>
                  {t('common:edit')}
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => void remove(e.id)}
                >
                  {t('common:delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
