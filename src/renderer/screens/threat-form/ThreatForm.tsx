// Recording a threat, organised around the five questions (purpose, type, target, time, place), then
// source, reach, claim and facts, the French version, and classified notes under their banner.
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Threat } from '../../../shared/domain/workspace';
import type { ConflictDetails, ProblemLocation } from '../../../shared/errors';
import { applyEditsOnTop } from '../../../shared/domain/conflict-diff';
import { api, call, conflictOf } from '../../api/bridge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { failureOf, fieldErrors } from '../../components/form/problems';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { useStore } from '../../store';
import { ClaimAndHandling } from './ClaimAndHandling';
import { ClassifiedNotes } from './ClassifiedNotes';
import { FiveQuestions } from './FiveQuestions';
import type { Setter, ThreatFormApi } from './form-api';
import {
  FIELD_LABELS,
  controlId,
  emptyValues,
  fieldOfPath,
  fromFormValues,
  toFormValues,
  validate,
  type ThreatFormValues,
} from './form-model';
import { FrenchVersion } from './FrenchVersion';
import { SourceAndReach } from './SourceAndReach';
import { WhatHappened } from './WhatHappened';

export function ThreatForm({ threatId }: { threatId?: string }) {
  const { t } = useTranslation(['threat', 'common']);
  const navigate = useStore((s) => s.navigate);
  const elections = useStore((s) => s.elections);
  const electionId = useStore((s) => s.electionId);
  const createThreat = useStore((s) => s.createThreat);
  const updateThreat = useStore((s) => s.updateThreat);
  const setUnsaved = useStore((s) => s.setUnsaved);
  const setFocusHeading = useStore((s) => s.setFocusHeading);
  const [base, setBase] = useState<{ threat: Threat; version: number } | null>(null);
  const [values, setValues] = useState<ThreatFormValues>(() =>
    emptyValues(electionId || elections[0]?.id || ''),
  );
  const [problems, setProblems] = useState<ProblemLocation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

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

  // The election list may arrive after the form: a new threat takes the election in use.
  const fallbackElection = electionId || elections[0]?.id || '';
  if (!values.electionId && fallbackElection) setValues((v) => ({ ...v, electionId: fallbackElection }));

  // Unsaved changes are not lost by a stray click: once the official has typed, leaving asks first.
  useUnsavedGuard('threat-form', dirty);

  const set: Setter = (key, value) => {
    setDirty(true);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const errors = fieldErrors(problems, t, fieldOfPath);
  const form: ThreatFormApi = { values, set, error: (key) => errors[key] };
  const summary = Object.entries(errors).map(([key, message]) => ({
    target: controlId(key as keyof ThreatFormValues),
    label: t(FIELD_LABELS[key as keyof ThreatFormValues] ?? key),
    message: message ?? '',
  }));

  const showProblems = (found: ProblemLocation[], message: string | null) => {
    setProblems(found);
    setFailure(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const checked = validate(fromFormValues(values, base?.threat), !base);
    if (!checked.threat) return showProblems(checked.problems, null);
    setProblems([]);
    setFailure(null);
    setSaving(true);
    try {
      await save(checked.threat, base?.version);
    } finally {
      setSaving(false);
    }
  }

  /** Saves over `version` (the one this form started from); a stale save opens the conflict dialog. */
  async function save(threat: Threat, version: number | undefined): Promise<void> {
    try {
      const detail = version ? await updateThreat(threat, version) : await createThreat(threat);
      setConflict(null);
      setDirty(false);
      setUnsaved('threat-form', false);
      // The saved threat opens beside the log, and its heading takes the focus.
      setFocusHeading(true);
      navigate({ screen: 'log', threatId: detail.threat.id });
    } catch (err) {
      const stale = conflictOf(err);
      if (stale) return setConflict(stale);
      const f = failureOf(err);
      showProblems(f.problems, f.message);
    }
  }

  /** Their version replaces the form; the person's edits are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Threat;
    setBase({ threat: theirs, version: c.theirs.version });
    setValues(toFormValues(theirs));
    setDirty(false);
    setConflict(null);
    setProblems([]);
    setFailure(null);
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

  // Ctrl+S (or ⌘S, or Ctrl+Enter) saves from anywhere in the form.
  const saveFromKeyboard = useEffectEvent(() => void submit());
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) {
        e.preventDefault();
        saveFromKeyboard();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      className="threat-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="threat-form-title"
    >
      <div className="screen-header">
        <h1 id="threat-form-title">
          {base ? t('form.editTitle', { id: base.threat.id }) : t('form.newTitle')}
        </h1>
      </div>
      <p className="form-intro">{t('common:requiredNote')}</p>
      <ErrorSummary items={summary} message={failure} summaryRef={summaryRef} />
      <WhatHappened form={form} titleRef={titleRef} />
      <FiveQuestions form={form} />
      <SourceAndReach form={form} />
      <ClaimAndHandling form={form} />
      <FrenchVersion form={form} />
      <ClassifiedNotes form={form} />
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
