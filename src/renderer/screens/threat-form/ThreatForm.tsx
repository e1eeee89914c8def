// Recording a threat, organised around the five questions (purpose, type, target, time, place),
// then source, reach, claim and facts, and classified notes under their banner.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTORS,
  BREAKOUT_CATEGORIES,
  CLASSIFICATIONS,
  CONFIDENCES,
  PLACE_LEVELS,
  PURPOSES,
  STATUSES,
  TARGET_KINDS,
  THREAT_TYPES,
  TRENDS,
  classificationRank,
  type Classification,
} from '../../../shared/domain/enums';
import type { Threat } from '../../../shared/domain/workspace';
import { ServiceError, api, call } from '../../api/bridge';
import { ClassificationBanner } from '../../components/ClassificationBanner';
import { ConflictDialog } from '../../components/ConflictDialog';
import type { ConflictDetails } from '../../../shared/errors';
import { applyEditsOnTop } from '../../../shared/domain/conflict-diff';
import { Field } from '../../components/Field';
import { useStore } from '../../store';
import {
  emptyValues,
  fromFormValues,
  toFormValues,
  validate,
  type FormErrors,
  type ThreatFormValues,
} from './form-model';
import { firstSeenInFuture } from '../../../shared/domain/threat-time';

type Setter = <K extends keyof ThreatFormValues>(key: K, value: ThreatFormValues[K]) => void;

function Section({
  title,
  hint,
  children,
  id,
}: {
  title: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  return (
    <fieldset className="form-section" id={id}>
      <legend>{title}</legend>
      {hint ? <p className="form-section__hint">{hint}</p> : null}
      <div className="form-section__body">{children}</div>
    </fieldset>
  );
}

export function ThreatForm({ threatId }: { threatId?: string }) {
  const { t } = useTranslation(['threat', 'enums', 'common']);
  const navigate = useStore((s) => s.navigate);
  const elections = useStore((s) => s.elections);
  const electionId = useStore((s) => s.electionId);
  const createThreat = useStore((s) => s.createThreat);
  const updateThreat = useStore((s) => s.updateThreat);
  const [base, setBase] = useState<{ threat: Threat; version: number } | null>(null);
  const [values, setValues] = useState<ThreatFormValues>(() =>
    emptyValues(electionId || elections[0]?.id || ''),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [serviceError, setServiceError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!threatId) {
      titleRef.current?.focus();
      return;
    }
    void call(api.threats.get({ id: threatId })).then((d) => {
      setBase({ threat: d.threat, version: d.meta.version });
      setValues(toFormValues(d.threat));
      titleRef.current?.focus();
    });
  }, [threatId]);

  useEffect(() => {
    if (!values.electionId && elections[0])
      setValues((v) => ({ ...v, electionId: electionId || elections[0]!.id }));
  }, [elections, electionId, values.electionId]);

  // Unsaved changes are not lost by a stray click: once the official has typed, leaving asks first.
  const [dirty, setDirty] = useState(false);
  const set: Setter = (key, value) => {
    setDirty(true);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setLeaveGuard = useStore((s) => s.setLeaveGuard);
  // Live updates leave a form with unsaved edits alone: its save meets the conflict path instead.
  const setUnsaved = useStore((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved('threat', dirty);
    return () => setUnsaved('threat', false);
  }, [dirty, setUnsaved]);
  useEffect(() => {
    if (!dirty) {
      setLeaveGuard(null);
      return;
    }
    setLeaveGuard(() => window.confirm(t('form.leaveUnsaved')));
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty, setLeaveGuard, t]);
  useEffect(() => () => setLeaveGuard(null), [setLeaveGuard]);
  const err = (key: string) => {
    const e = errors[key];
    if (!e) return undefined;
    return e === 'required' ? t('form.required') : e === 'lastBeforeFirst' ? t('form.lastBeforeFirst') : e;
  };
  const topClassification = useMemo<Classification | null>(
    () =>
      values.notes.reduce<Classification | null>(
        (best, n) =>
          n.text.trim() && (!best || classificationRank(n.classification) > classificationRank(best))
            ? n.classification
            : best,
        null,
      ),
    [values.notes],
  );

  async function onSubmit(event?: FormEvent) {
    event?.preventDefault();
    setServiceError(null);
    const candidate = fromFormValues(values, base?.threat);
    const { threat, errors: found } = validate(candidate, !base);
    setErrors(found);
    if (!threat) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      await save(threat, base?.version);
    } finally {
      setSaving(false);
    }
  }

  /** Saves (over `version`, the one this form started from); a stale save opens the conflict dialog. */
  async function save(threat: Threat, version: number | undefined): Promise<void> {
    try {
      const detail = version ? await updateThreat(threat, version) : await createThreat(threat);
      setConflict(null);
      setDirty(false);
      setLeaveGuard(null);
      navigate({ screen: 'log', threatId: detail.threat.id });
    } catch (e) {
      if (e instanceof ServiceError && e.shape.code === 'conflict' && e.shape.conflict) {
        setConflict(e.shape.conflict);
        return;
      }
      setServiceError(e instanceof ServiceError ? e.message : String(e));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  }

  /** Their version replaces the form; the person's edits are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Threat;
    setBase({ threat: theirs, version: c.theirs.version });
    setValues(toFormValues(theirs));
    setDirty(false);
    setConflict(null);
    setServiceError(null);
    requestAnimationFrame(() => titleRef.current?.focus());
  }

  /** The person's edits laid over their version (fields the person did not touch keep theirs), saved as
   *  the next version after theirs. */
  async function applyMine(c: ConflictDetails) {
    const theirs = c.theirs.record as Threat;
    const mine = base
      ? applyEditsOnTop(base.threat, theirs, c.yours.record as Threat)
      : (c.yours.record as Threat);
    setBase({ threat: theirs, version: c.theirs.version });
    await save(mine, c.theirs.version);
  }

  /** A differing field's label as the form shows it (`place.regions` → Regions). */
  const fieldLabel = (path: string) => {
    const leaf = path.split('.').pop() ?? path;
    return t(`fields.${leaf}`, { defaultValue: path });
  };

  const select = (
    key: keyof ThreatFormValues,
    options: readonly string[],
    ns: string,
    label: string,
    required = false,
    hint?: string,
  ) => (
    <Field label={label} required={required} error={err(key)} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={required}
          value={values[key] as string}
          onChange={(e) => set(key, e.target.value as never)}
        >
          <option value="">{t('form.choose')}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`enums:${ns}.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const text = (
    key: keyof ThreatFormValues,
    label: string,
    opts: {
      required?: boolean;
      hint?: string;
      multiline?: boolean;
      lang?: string;
      type?: string;
      inputRef?: React.Ref<HTMLInputElement>;
    } = {},
  ) => (
    <Field label={label} required={opts.required} error={err(key)} hint={opts.hint}>
      {({ id, describedBy, invalid }) =>
        opts.multiline ? (
          <textarea
            id={id}
            lang={opts.lang}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={opts.required}
            rows={3}
            value={values[key] as string}
            onChange={(e) => set(key, e.target.value as never)}
          />
        ) : (
          <input
            id={id}
            ref={opts.inputRef}
            lang={opts.lang}
            type={opts.type ?? 'text'}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={opts.required}
            value={values[key] as string}
            onChange={(e) => set(key, e.target.value as never)}
          />
        )
      }
    </Field>
  );

  const errorCount = Object.keys(errors).length;

  return (
    <form
      className="threat-form"
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) {
          e.preventDefault();
          void onSubmit();
        }
      }}
      noValidate
      aria-labelledby="threat-form-title"
    >
      <div className="screen-header">
        <h1 id="threat-form-title">
          {base ? t('form.editTitle', { id: base.threat.id }) : t('form.newTitle')}
        </h1>
      </div>
      <div ref={summaryRef} tabIndex={-1} className="form-summary" aria-live="assertive">
        {errorCount ? (
          <p className="notice notice--error">{t('form.errorSummary', { count: errorCount })}</p>
        ) : null}
        {serviceError ? <p className="notice notice--error">{serviceError}</p> : null}
      </div>

      <Section title={t('sections.what')}>
        {text('title', t('fields.title'), { required: true, inputRef: titleRef })}
        {text('summary', t('fields.summary'), { required: true, multiline: true, hint: t('hints.summary') })}
        <Field label={t('fields.election')} required error={err('electionId')}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={values.electionId}
              onChange={(e) => set('electionId', e.target.value)}
            >
              {elections.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>

      <Section title={t('sections.fiveQuestions')} hint={t('hints.fiveQuestions')}>
        {select('purpose', PURPOSES, 'purpose', t('q.purposeQuestion'), true)}
        {select('type', THREAT_TYPES, 'type', t('q.typeQuestion'), true)}
        {select('targetKind', TARGET_KINDS, 'targetKind', t('q.targetQuestion'), true)}
        {text('targetDescription', t('fields.targetDescription'), { hint: t('hints.targetDescription') })}
        {text('firstSeen', t('q.timeQuestion'), {
          required: true,
          type: 'datetime-local',
          ...(firstSeenInFuture(values.firstSeen, new Date()) ? { hint: t('hints.firstSeenFuture') } : {}),
        })}
        {text('lastSeen', t('fields.lastSeen'), { type: 'datetime-local' })}
        {select('placeLevel', PLACE_LEVELS, 'placeLevel', t('q.placeQuestion'), true)}
        {text('regions', t('fields.regions'), { hint: t('hints.commaList') })}
        {text('channels', t('fields.channels'), { hint: t('hints.channels') })}
        {text('languages', t('fields.languages'), { hint: t('hints.languages') })}
      </Section>

      <Section title={t('sections.source')}>
        {select('actor', ACTORS, 'actor', t('fields.actor'), true)}
        {text('sourceName', t('fields.sourceName'))}
        <fieldset className="radio-group">
          <legend>
            {t('fields.confidence')} <span aria-hidden="true">*</span>
          </legend>
          {CONFIDENCES.map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="confidence"
                value={c}
                checked={values.confidence === c}
                onChange={() => set('confidence', c)}
              />
              {t(`enums:confidence.${c}`)}
            </label>
          ))}
          {err('confidence') ? (
            <div className="field__error" role="alert">
              {err('confidence')}
            </div>
          ) : null}
        </fieldset>
      </Section>

      <Section title={t('sections.reach')}>
        <fieldset className="radio-group radio-group--stacked">
          <legend>
            {t('fields.breakout')} <span aria-hidden="true">*</span>
          </legend>
          {BREAKOUT_CATEGORIES.map((b) => (
            <label key={b}>
              <input
                type="radio"
                name="breakout"
                value={b}
                checked={values.breakout === String(b)}
                onChange={() => set('breakout', String(b))}
              />
              {t(`enums:breakout.${b}`)}
            </label>
          ))}
          {err('breakout') ? (
            <div className="field__error" role="alert">
              {err('breakout')}
            </div>
          ) : null}
        </fieldset>
        {text('audience', t('fields.audience'), { type: 'text', hint: t('hints.audience') })}
        {select('trend', TRENDS, 'trend', t('fields.trend'))}
      </Section>

      <Section title={t('sections.claim')}>
        {text('falseClaim', t('fields.falseClaim'), { multiline: true, hint: t('hints.falseClaim') })}
        {text('facts', t('fields.facts'), { multiline: true, hint: t('hints.onePerLine') })}
        {text('partnerActions', t('fields.partnerActions'), { multiline: true, hint: t('hints.onePerLine') })}
      </Section>

      <Section title={t('sections.handling')}>
        {select('status', STATUSES, 'status', t('fields.status'))}
        {text('relatedIds', t('fields.related'), { hint: t('hints.commaList') })}
        {text('disarmTechniques', t('fields.disarm'), { hint: t('hints.disarm') })}
        <fieldset className="checkbox-group">
          <legend>{t('fields.context')}</legend>
          {(['debunkedByPartner', 'investigationSensitive', 'nationalSecurityImplications'] as const).map(
            (k) => (
              <label key={k}>
                <input type="checkbox" checked={values[k]} onChange={(e) => set(k, e.target.checked)} />
                {t(`context.${k}`)}
              </label>
            ),
          )}
        </fieldset>
      </Section>

      <Section title={t('sections.french')} hint={t('hints.french')}>
        {text('frTitle', t('fields.frTitle'), { lang: 'fr' })}
        {text('frSummary', t('fields.frSummary'), { lang: 'fr', multiline: true })}
        {text('frFalseClaim', t('fields.frFalseClaim'), { lang: 'fr', multiline: true })}
        {text('frFacts', t('fields.frFacts'), { lang: 'fr', multiline: true, hint: t('hints.onePerLine') })}
      </Section>

      <section
        className={`form-section form-section--classified${topClassification ? ' form-section--has-classified' : ''}`}
        aria-labelledby="classified-heading"
      >
        {topClassification ? <ClassificationBanner level={topClassification} /> : null}
        <h2 id="classified-heading">{t('fields.classifiedNotes')}</h2>
        <p className="form-section__hint">{t('hints.classified')}</p>
        {values.notes.map((note, i) => (
          <div key={i} className="classified-note-editor">
            <Field label={t('fields.classification')}>
              {({ id }) => (
                <select
                  id={id}
                  value={note.classification}
                  onChange={(e) =>
                    set(
                      'notes',
                      values.notes.map((n, j) =>
                        j === i ? { ...n, classification: e.target.value as Classification } : n,
                      ),
                    )
                  }
                >
                  {CLASSIFICATIONS.map((c) => (
                    <option key={c} value={c}>
                      {t(`enums:classification.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('fields.noteText', { n: i + 1 })} error={i === 0 ? err('notes') : undefined}>
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  aria-describedby={describedBy}
                  rows={3}
                  value={note.text}
                  onChange={(e) =>
                    set(
                      'notes',
                      values.notes.map((n, j) => (j === i ? { ...n, text: e.target.value } : n)),
                    )
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() =>
                set(
                  'notes',
                  values.notes.filter((_, j) => j !== i),
                )
              }
            >
              {t('form.removeNote', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => set('notes', [...values.notes, { classification: 'SECRET', text: '' }])}
        >
          {t('form.addNote')}
        </button>
        {topClassification ? <ClassificationBanner level={topClassification} position="bottom" /> : null}
      </section>

      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={keepTheirs}
        onApplyMine={applyMine}
        fieldLabel={fieldLabel}
      />

      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          aria-keyshortcuts="Control+S"
        >
          {saving ? t('form.saving') : base ? t('form.saveChanges') : t('form.create')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate(threatId ? { screen: 'log', threatId } : { screen: 'log' })}
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
