// The people's decision on the recommendation on screen: a level (which may differ), a rationale
// (required when it differs), who decides and in what role (prefilled from the app's identity).
// Recording it stores the assessment and the decision together, audited. A new recommendation (another
// threat, or the same one reassessed) starts a new form: the parent keys it by the result.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { LEVELS, type Level } from '../../../shared/domain/enums';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';
import type { AssessmentSubject } from '../../store/assessment-slice';

export function DecisionForm({ subject, result }: { subject: AssessmentSubject; result: AssessmentResult }) {
  const { t } = useTranslation(['assessment', 'enums']);
  const identity = useStore((s) => s.info?.identity ?? null);
  const saveAssessment = useStore((s) => s.saveAssessment);
  const pushToast = useStore((s) => s.pushToast);
  const [level, setLevel] = useState<Level>(result.level);
  const [rationale, setRationale] = useState('');
  // Who decides: the app's identity until the person types another (null: not typed yet).
  const [typedName, setName] = useState<string | null>(null);
  const [typedRole, setRole] = useState<string | null>(null);
  const name = typedName ?? identity?.name ?? '';
  const role = typedRole ?? identity?.role ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const legendId = useId();
  const rationaleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const differs = level !== result.level;

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (differs && !rationale.trim())
      e.rationale = t('decision.rationaleRequired', { recommended: t(`enums:level.${result.level}`) });
    if (!name.trim()) e.name = t('decision.nameRequired');
    if (!role.trim()) e.role = t('decision.roleRequired');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    setServerError(null);
    if (Object.keys(e).length) {
      if (e.rationale) rationaleRef.current?.focus();
      else
        requestAnimationFrame(() =>
          formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(),
        );
      return;
    }
    setBusy(true);
    try {
      const stored = await saveAssessment(subject, {
        recommendedLevel: result.level,
        level,
        rationale: rationale.trim(),
        decidedBy: name.trim(),
        role: role.trim(),
      });
      const message = t('decision.recorded', { id: stored.id, level: t(`enums:level.${level}`) });
      setDone(message);
      setRationale('');
      pushToast({ message: { key: 'assessment:decision.recordedToast', values: { id: stored.id, level } } });
    } catch (err) {
      setServerError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function saveOnly() {
    setBusy(true);
    setServerError(null);
    try {
      const stored = await saveAssessment(subject);
      setDone(t('decision.saved', { id: stored.id }));
    } catch (err) {
      setServerError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="form-section decision-form"
      aria-labelledby={legendId}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="decision-form"
    >
      <h3 id={legendId}>{t('decision.title')}</h3>
      <p className="form-section__hint">{t('decision.hint', { level: t(`enums:level.${result.level}`) })}</p>
      <fieldset className="radio-group radio-group--stacked">
        <legend>{t('decision.level')}</legend>
        {LEVELS.map((l) => (
          <label key={l}>
            <input
              type="radio"
              name={`${legendId}-level`}
              value={l}
              checked={level === l}
              onChange={() => setLevel(l)}
            />
            {t(`enums:level.${l}`)}
            {l === result.level ? <span className="pill">{t('decision.recommended')}</span> : null}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('decision.rationale')}
        hint={differs ? t('decision.rationaleHintRequired') : t('decision.rationaleHint')}
        error={errors.rationale}
        required={differs}
        rows={3}
        inputRef={rationaleRef}
        value={rationale}
        onChange={setRationale}
      />
      <div className="decision-form__who">
        <TextField
          label={t('decision.name')}
          error={errors.name}
          required
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <TextField
          label={t('decision.role')}
          error={errors.role}
          required
          autoComplete="organization-title"
          value={role}
          onChange={setRole}
        />
      </div>
      <ErrorNotice error={serverError} />
      <div aria-live="polite">{done ? <p className="notice notice--ok">{done}</p> : null}</div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('decision.record')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void saveOnly()}>
          {t('decision.saveOnly')}
        </button>
      </div>
    </form>
  );
}
