// One organisation: who it is, what it covers, who to call for each role (a primary and a backup), what to
// notify it about; with its contact log and every earlier version. Leaving with unsaved edits asks first.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { mineOnTop } from '../../../shared/domain/conflict-diff';
import type { Partner, PartnerDetail } from '../../../shared/domain/partners';
import type { ConflictDetails, ProblemLocation } from '../../../shared/errors';
import { conflictOf } from '../../api/bridge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { FormActions } from '../../components/FormActions';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { failureOf, problemText } from '../../components/form/problems';
import { TextField } from '../../components/form/TextField';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { useStore } from '../../store';
import { ContactRoles } from './ContactRoles';
import { NotifyRules } from './NotifyRules';
import { OrganisationFields } from './OrganisationFields';
import type { PartnerFormApi } from './partner-form-api';
import {
  fieldId,
  fromFormValues,
  toFormValues,
  validatePartnerForm,
  type PartnerFormValues,
} from './partner-model';
import { PartnerHistory } from './PartnerHistory';
import { RecordContactDialog } from './RecordContactDialog';

/** The request's `partner.` prefix is not part of the form's paths. */
const formPath = (p: ProblemLocation) => (p.path?.[0] === 'partner' ? p.path.slice(1) : (p.path ?? []));

/** "Role 2 · Backup · Email" for ['roles', 1, 'backup', 'email']. */
function labelOf(path: readonly (string | number)[], t: TFunction): string {
  const [head, index, sub, leaf] = path;
  if (head === 'roles' && typeof index === 'number') {
    const role = t('role.legend', { n: index + 1 });
    if (sub === 'role') return `${role} · ${t('role.name')}`;
    if (sub === 'primary' || sub === 'backup')
      return `${role} · ${t(`role.${sub}`)}${leaf ? ` · ${t(`person.${String(leaf)}`)}` : ''}`;
    return role;
  }
  if (head === 'notify' && typeof index === 'number')
    return `${t('rule.legend', { n: index + 1 })}${sub ? ` · ${t(`rule.${String(sub)}`, { defaultValue: String(sub) })}` : ''}`;
  return t(`field.${String(head)}`, { defaultValue: String(head) });
}

export function PartnerEditor({
  id,
  prefill,
  onDone,
}: {
  id: string | null;
  prefill?: Record<string, string>;
  onDone(): void;
}) {
  const { t } = useTranslation(['partners', 'enums', 'common']);
  const partners = useStore((s) => s.partners);
  const savePartner = useStore((s) => s.savePartner);
  const setUnsaved = useStore((s) => s.setUnsaved);
  const existing = id ? (partners?.find((p) => p.partner.id === id) ?? null) : null;
  const [saved, setSaved] = useState<PartnerDetail | null>(null);
  // The newest of what the directory holds and what this editor saved or restored.
  const detail =
    saved && (!existing || saved.meta.version >= existing.meta.version) ? saved : (existing ?? saved);
  const [values, setValues] = useState<PartnerFormValues>(() => {
    const v = toFormValues(existing?.partner);
    if (!existing && prefill?.handles) v.handles = prefill.handles;
    if (!existing && prefill?.regions) v.regions = prefill.regions;
    if (!existing && prefill?.handles) v.kind = 'platform';
    return v;
  });
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<ProblemLocation[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [contactOpen, setContactOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useUnsavedGuard('partner-editor', dirty);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const me = useStore((s) => s.session?.account?.name ?? null);
  // The version the edits here start from. A newer one (a live update) replaces it only when nothing is
  // typed here, or when the change was this person's own (a contact recorded); someone else's change
  // under unsaved edits is met by the conflict path on save, never slipped under them.
  const [base, setBase] = useState<PartnerDetail | null>(existing);
  if (detail && detail.meta.version !== base?.meta.version) {
    if (!dirty) {
      setBase(detail);
      setValues(toFormValues(detail.partner));
    } else if (detail.meta.changedBy === me) setBase(detail);
  }

  const errors = new Map<string, string>();
  for (const p of problems) {
    const key = fieldId(formPath(p));
    if (!errors.has(key)) errors.set(key, problemText(p, t));
  }
  const form: PartnerFormApi = {
    values,
    set: (key, value) => {
      setDirty(true);
      setValues((s) => ({ ...s, [key]: value }));
    },
    error: (key) => errors.get(key),
  };
  const summary = problems.map((p) => ({
    target: fieldId(formPath(p)),
    label: labelOf(formPath(p), t),
    message: problemText(p, t),
  }));

  const show = (found: ProblemLocation[], message: string | null) => {
    setProblems(found);
    setFailure(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validatePartnerForm(fromFormValues(values, base?.partner ?? detail?.partner));
    if (!checked.ok) return show(checked.problems, null);
    setProblems([]);
    setFailure(null);
    await save(checked.partner, base?.meta.version);
  }

  async function save(partner: Record<string, unknown>, version: number | undefined) {
    try {
      setSaved(await savePartner(partner, version));
      setConflict(null);
      setDirty(false);
      setUnsaved('partner-editor', false);
      onDone();
    } catch (err) {
      const stale = conflictOf(err);
      if (stale) return setConflict(stale);
      const f = failureOf(err);
      show(f.problems, f.problems.length ? t('errors.summaryTitle') : f.message);
    }
  }

  /** Their version replaces the form; the edits made here are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Partner;
    if (base) setBase({ ...base, partner: theirs, meta: { ...base.meta, version: c.theirs.version } });
    setValues(toFormValues(theirs));
    setDirty(false);
    setConflict(null);
  }

  const title = detail ? detail.partner.name : t('editor.newTitle');

  return (
    <section className="screen partner-editor" aria-labelledby="partner-editor-title">
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={keepTheirs}
        onApplyMine={(c) =>
          // The edits made here, laid over their version, saved as the version after it.
          save(base ? mineOnTop(base.partner, c) : {}, c.theirs.version)
        }
        fieldLabel={(field) => labelOf(field.split('.'), t)}
      />
      <div className="screen-header">
        <h1 id="partner-editor-title">
          <bdi>{title}</bdi>
        </h1>
        <div className="screen-header__actions">
          {detail && !detail.meta.deletedAt ? (
            <button type="button" className="button" onClick={() => setContactOpen(true)}>
              {t('actions.recordContact')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onDone}>
            {t('editor.back')}
          </button>
        </div>
      </div>

      <form className="partner-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <p className="form-intro">{t('common:requiredNote')}</p>
        <ErrorSummary items={summary} message={failure} summaryRef={summaryRef} />
        <OrganisationFields form={form} />
        <ContactRoles form={form} />
        <NotifyRules form={form} />
        <div className="form-section">
          <TextField
            id={fieldId(['notes'])}
            label={t('field.notes')}
            rows={3}
            value={values.notes}
            onChange={(v) => form.set('notes', v)}
            error={form.error(fieldId(['notes']))}
          />
        </div>
        <FormActions save={t('editor.save')} onCancel={onDone} />
      </form>

      {detail ? (
        <PartnerHistory
          detail={detail}
          onRestored={(d) => {
            setSaved(d);
            setValues(toFormValues(d.partner));
            setDirty(false);
          }}
        />
      ) : null}
      {contactOpen && detail ? (
        <RecordContactDialog partner={detail} onClose={() => setContactOpen(false)} />
      ) : null}
    </section>
  );
}
