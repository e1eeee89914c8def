// Recording what is observed now about a threat's reach, or correcting an observation already recorded.
// A correction starts from the version opened: if someone else changed the observation meanwhile, the
// save is refused by the service and the conflict dialog shows both versions side by side (keep theirs,
// or apply mine on top).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { mineOnTop } from '../../../shared/domain/conflict-diff';
import { TRENDS, type Trend } from '../../../shared/domain/enums';
import {
  MEDIA_PICKUP,
  PLATFORM_ACTIONS,
  type MediaPickup,
  type Outcome,
  type OutcomeDetail,
  type OutcomeFields,
  type PlatformAction,
} from '../../../shared/domain/outcomes';
import type { AppErrorShape, ConflictDetails } from '../../../shared/errors';
import { api, serviceErrorText } from '../../api/bridge';
import { problemText } from '../../components/form/problems';
import { ConflictDialog } from '../../components/ConflictDialog';
import { formatDate } from '../../format';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';

/** The unsaved-edits owner of a correction (leaving asks first). */
const EDITOR = 'outcome-editor';

interface OutcomeValues {
  date: string;
  breakout: number;
  audience: string;
  trend: Trend;
  spreading: '' | 'yes' | 'no';
  actions: PlatformAction[];
  media: '' | MediaPickup;
  feedback: string;
  note: string;
}

function toValues(o?: OutcomeFields): OutcomeValues {
  return {
    date: o?.date ?? new Date().toISOString().slice(0, 10),
    breakout: o?.reach.breakout ?? 2,
    audience: o?.reach.estimatedAudience === undefined ? '' : String(o.reach.estimatedAudience),
    trend: o?.reach.trend ?? 'stable',
    spreading: o?.stillSpreading === undefined ? '' : o.stillSpreading ? 'yes' : 'no',
    actions: [...(o?.platformActions ?? [])],
    media: o?.mediaPickup ?? '',
    feedback: o?.partnerFeedback ?? '',
    note: o?.note ?? '',
  };
}

/** The form's values as the fields of an observation (over `base`, so that fields the form does not show,
 *  such as the media note, are kept). */
function toFields(v: OutcomeValues, base?: OutcomeFields): OutcomeFields {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  const set = (key: keyof OutcomeFields, value: unknown) => {
    if (value === undefined) Reflect.deleteProperty(out, key);
    else out[key] = value;
  };
  set('date', v.date);
  set('reach', {
    breakout: v.breakout,
    trend: v.trend,
    ...(v.audience.trim() ? { estimatedAudience: Number(v.audience) } : {}),
  });
  set('stillSpreading', v.spreading ? v.spreading === 'yes' : undefined);
  set('platformActions', v.actions.length ? v.actions : undefined);
  set('mediaPickup', v.media || undefined);
  set('partnerFeedback', v.feedback.trim() || undefined);
  set('note', v.note.trim() || undefined);
  return out as OutcomeFields;
}

const FIELD_LABELS: Record<string, string> = {
  date: 'form.date',
  'reach.breakout': 'form.breakout',
  'reach.estimatedAudience': 'form.audience',
  'reach.trend': 'form.trend',
  stillSpreading: 'form.spreading',
  mediaPickup: 'form.media',
  platformActions: 'form.platforms',
  partnerFeedback: 'form.feedback',
  note: 'form.note',
};

// The refusal in the interface's language, with each problem where it is.
const errorText = (error: AppErrorShape, t: TFunction) =>
  serviceErrorText(error) +
  (error.problems?.length
    ? ` (${error.problems.map((p) => `${p.where}: ${problemText(p, t)}`).join('; ')})`
    : '');

export function OutcomeForm({
  threatId,
  editing,
  onSaved,
  onCancel,
}: {
  threatId: string;
  /** The observation to correct, as opened (its version); none: a new observation. */
  editing?: OutcomeDetail;
  onSaved(): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation('outcomes');
  const id = useId();
  // The version a correction starts from.
  const [base, setBase] = useState<OutcomeDetail | undefined>(editing);
  const [values, setValues] = useState<OutcomeValues>(() => toValues(editing?.outcome));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  useUnsavedGuard(EDITOR, Boolean(editing) && dirty);
  const set = <K extends keyof OutcomeValues>(key: K, value: OutcomeValues[K]) => {
    setDirty(true);
    setValues((s) => ({ ...s, [key]: value }));
  };

  async function correct(outcome: Outcome, expectedVersion: number): Promise<void> {
    const r = await api.outcomes.update({ outcome, expectedVersion });
    if (!r.ok) {
      if (r.error.code === 'conflict' && r.error.conflict) setConflict(r.error.conflict);
      else setError(errorText(r.error, t));
      return;
    }
    setConflict(null);
    setDirty(false);
    onSaved();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (base) {
        const { id: outcomeId, threatId: of, ...fields } = base.outcome;
        await correct({ id: outcomeId, threatId: of, ...toFields(values, fields) }, base.meta.version);
        return;
      }
      const r = await api.outcomes.add({ threatId, outcome: toFields(values) });
      if (!r.ok) return setError(errorText(r.error, t));
      setValues((s) => ({ ...s, note: '', feedback: '' }));
      setDirty(false);
      onSaved();
    } finally {
      setBusy(false);
    }
  }

  /** Their version replaces the form; the corrections made here are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Outcome;
    if (base) setBase({ outcome: theirs, meta: { ...base.meta, version: c.theirs.version } });
    setValues(toValues(theirs));
    setDirty(false);
    setConflict(null);
  }

  return (
    <form
      className="form-section outcome-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      data-testid={editing ? 'outcome-edit-form' : 'outcome-form'}
    >
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={keepTheirs}
        onApplyMine={(c) =>
          // The corrections made here, laid over their version, saved as the version after it.
          correct(mineOnTop(base?.outcome, c), c.theirs.version)
        }
        fieldLabel={(path) => (FIELD_LABELS[path] ? t(FIELD_LABELS[path]) : path)}
      />
      <h3 id={`${id}-title`}>
        {editing ? t('edit.title', { date: formatDate(editing.outcome.date) }) : t('form.title')}
      </h3>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="outcome-form__grid">
        <label>
          {t('form.date')}
          <input type="date" value={values.date} required onChange={(e) => set('date', e.target.value)} />
        </label>
        <label>
          {t('form.breakout')}
          <select value={values.breakout} onChange={(e) => set('breakout', Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.audience')}
          <input
            type="number"
            min={0}
            step={1}
            value={values.audience}
            onChange={(e) => set('audience', e.target.value)}
          />
        </label>
        <label>
          {t('form.trend')}
          <select value={values.trend} onChange={(e) => set('trend', e.target.value as Trend)}>
            {TRENDS.map((v) => (
              <option key={v} value={v}>
                {t(`trend.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.spreading')}
          <select
            value={values.spreading}
            onChange={(e) => set('spreading', e.target.value as '' | 'yes' | 'no')}
          >
            <option value="">{t('form.unknown')}</option>
            <option value="yes">{t('form.yes')}</option>
            <option value="no">{t('form.no')}</option>
          </select>
        </label>
        <label>
          {t('form.media')}
          <select value={values.media} onChange={(e) => set('media', e.target.value as '' | MediaPickup)}>
            <option value="">{t('form.unknown')}</option>
            {MEDIA_PICKUP.map((v) => (
              <option key={v} value={v}>
                {t(`media.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="outcome-form__actions">
        <legend>{t('form.platforms')}</legend>
        {PLATFORM_ACTIONS.map((a) => (
          <label key={a} className="checkbox">
            <input
              type="checkbox"
              checked={values.actions.includes(a)}
              onChange={(e) =>
                set(
                  'actions',
                  e.target.checked ? [...values.actions, a] : values.actions.filter((x) => x !== a),
                )
              }
            />
            {t(`platform.${a}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('form.feedback')}
        <input type="text" value={values.feedback} onChange={(e) => set('feedback', e.target.value)} />
      </label>
      <label>
        {t('form.note')}
        <textarea rows={2} value={values.note} onChange={(e) => set('note', e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {editing ? t('edit.submit') : t('form.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('edit.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
