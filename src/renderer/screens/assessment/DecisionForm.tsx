// The signed-in person's decision on the recommendation on screen: a level (which may differ), a rationale
// (required when it differs), and, to speak publicly, their passphrase typed again in a dialog (a fresh
// signature). Recording it stores the assessment and the decision together, signed and audited.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../shared/domain/assessment';
import { LEVELS, type Level } from '../../../shared/domain/enums';
import { Field } from '../../components/form/Field';
import { useStore } from '../../store';
import type { AssessmentSubject } from '../../store/assessment-slice';
import { FreshPassphraseDialog } from '../session/FreshPassphraseDialog';
import { ErrorNotice } from '../../components/ErrorNotice';

export function DecisionForm({ subject, result }: { subject: AssessmentSubject; result: AssessmentResult }) {
  const { t } = useTranslation(['assessment', 'enums']);
  const saveAssessment = useStore((s) => s.saveAssessment);
  const pushToast = useStore((s) => s.pushToast);
  const [level, setLevel] = useState<Level>(result.level);
  const [rationale, setRationale] = useState('');
  const [signing, setSigning] = useState(false);
  const me = useStore((s) => s.session?.account?.name ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const legendId = useId();
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // A new recommendation (another threat, or the same one reassessed) resets the choice.
  // (Reset while rendering, as React advises, rather than in an effect.)
  const recommendationKey = `${result.level}:${result.threatIds.join(',')}`;
  const [shownRecommendation, setShownRecommendation] = useState(recommendationKey);
  if (shownRecommendation !== recommendationKey) {
    setShownRecommendation(recommendationKey);
    setLevel(result.level);
    setErrors({});
    setDone(null);
  }
  const differs = level !== result.level;
  const signs = level === 'speak-publicly';

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (differs && !rationale.trim())
      e.rationale = t('decision.rationaleRequired', { recommended: t(`enums:level.${result.level}`) });
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
    if (signs) return setSigning(true);
    setBusy(true);
    try {
      await record();
    } catch (err) {
      setServerError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  /** Records the decision (with the passphrase typed again when it must be signed). */
  async function record(passphrase?: string) {
    const stored = await saveAssessment(subject, {
      recommendedLevel: result.level,
      level,
      rationale: rationale.trim(),
      ...(passphrase ? { passphrase } : {}),
    });
    const message = t('decision.recorded', { id: stored.id, level: t(`enums:level.${level}`) });
    setDone(message);
    setRationale('');
    pushToast({ message: { key: 'assessment:decision.recordedToast', values: { id: stored.id, level } } });
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
    <>
      <form
        ref={formRef}
        className="form-section decision-form"
        aria-labelledby={legendId}
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="decision-form"
      >
        <h3 id={legendId}>{t('decision.title')}</h3>
        <p className="form-section__hint">
          {t('decision.hint', { level: t(`enums:level.${result.level}`) })}
        </p>
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
        <Field
          label={t('decision.rationale')}
          hint={differs ? t('decision.rationaleHintRequired') : t('decision.rationaleHint')}
          error={errors.rationale}
          required={differs}
        >
          {(control) => (
            <textarea
              ref={rationaleRef}
              {...control}
              aria-required={differs}
              rows={3}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
          )}
        </Field>
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
      {signing ? (
        <FreshPassphraseDialog
          title={t('decision.signTitle')}
          description={t('decision.signDescription', { level: t(`enums:level.${level}`), name: me })}
          submitLabel={t('decision.sign')}
          onSign={record}
          onClose={() => setSigning(false)}
        />
      ) : null}
    </>
  );
}
