// One organisation: who it is, what it covers, who to call for each role (a primary and a
// backup), what to notify it about; with its contact log and every earlier version.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { applyEditsOnTop } from '../../../shared/domain/conflict-diff';
import type { ConflictDetails } from '../../../shared/errors';
import { ConflictDialog } from '../../components/ConflictDialog';
import { useTranslation } from 'react-i18next';
import { BREAKOUT_CATEGORIES, PURPOSES, TARGET_KINDS, THREAT_TYPES } from '../../../shared/domain/enums';
import {
  CONTACT_CHANNELS,
  PARTNER_KINDS,
  type Partner,
  type PartnerDetail,
  type PartnerVersion,
} from '../../../shared/domain/partners';
import { ServiceError } from '../../api/bridge';
import { FilterMenu } from '../../components/FilterMenu';
import { formatDate, formatDateTime } from '../../format';
import { useStore } from '../../store';
import {
  emptyRole,
  emptyRule,
  fieldId,
  fromFormValues,
  toFormValues,
  validatePartnerForm,
  type FormProblem,
  type PartnerFormValues,
  type PersonValues,
} from './partner-model';
import { RecordContactDialog } from './RecordContactDialog';

type Problems = Map<string, string>;

function TextField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange(v: string): void;
  problems: Problems;
  required?: boolean;
  hint?: string;
  type?: string;
  multiline?: boolean;
  autoComplete?: string;
}) {
  const {
    id,
    label,
    value,
    onChange,
    problems,
    required,
    hint,
    type = 'text',
    multiline,
    autoComplete,
  } = props;
  const error = problems.get(id);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={autoComplete}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <div id={`${id}-error`} className="field__error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

function PersonFields({
  path,
  legend,
  value,
  onChange,
  problems,
  required,
}: {
  path: (string | number)[];
  legend: string;
  value: PersonValues;
  onChange(v: PersonValues): void;
  problems: Problems;
  required: boolean;
}) {
  const { t } = useTranslation('partners');
  const field = (k: keyof PersonValues, type = 'text', autoComplete = 'off') => (
    <TextField
      id={fieldId([...path, k])}
      label={t(`person.${k}`)}
      value={value[k]}
      required={required && k === 'name'}
      type={type}
      autoComplete={autoComplete}
      problems={problems}
      onChange={(v) => onChange({ ...value, [k]: v })}
    />
  );
  return (
    <fieldset className="partner-person">
      <legend>{legend}</legend>
      <div className="partner-person__grid">
        {field('name')}
        {field('affiliation')}
        {field('phone', 'tel')}
        {field('secureLine')}
        {field('email', 'email')}
      </div>
    </fieldset>
  );
}

function History({
  id,
  version,
  onRestored,
}: {
  id: string;
  version: number;
  onRestored(d: PartnerDetail): void;
}) {
  const { t } = useTranslation('partners');
  const partnerHistory = useStore((s) => s.partnerHistory);
  const restore = useStore((s) => s.restorePartnerVersion);
  const [versions, setVersions] = useState<PartnerVersion[] | null>(null);
  useEffect(() => {
    void partnerHistory(id).then(setVersions);
  }, [id, version, partnerHistory]);
  if (!versions) return null;
  return (
    <ol className="history" aria-label={t('history.title')}>
      {versions.map((v) => (
        <li key={v.version} className={`history__item${v.current ? ' history__item--current' : ''}`}>
          <div className="history__head">
            <strong>{t('history.version', { version: v.version })}</strong>
            {v.current ? <span className="pill">{t('history.current')}</span> : null}
            <span>{v.change}</span>
            <span className="muted">
              {formatDateTime(v.changedAt)}
              {v.changedBy ? ` · ${v.changedBy}` : ''}
            </span>
          </div>
          {!v.current && !v.deletedAt ? (
            <div className="history__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => void restore(id, v.version).then(onRestored)}
              >
                {t('history.restore', { version: v.version })}
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
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
  const existing = id ? (partners?.find((p) => p.partner.id === id) ?? null) : null;
  const [detail, setDetail] = useState<PartnerDetail | null>(existing);
  const [values, setValues] = useState<PartnerFormValues>(() => {
    const v = toFormValues(existing?.partner);
    if (!existing && prefill?.handles) v.handles = prefill.handles;
    if (!existing && prefill?.regions) v.regions = prefill.regions;
    if (!existing && prefill?.handles) v.kind = 'platform';
    return v;
  });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [contactOpen, setContactOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const me = useStore((s) => s.session?.account?.name ?? null);
  const setUnsaved = useStore((s) => s.setUnsaved);
  // Edits not saved yet: a newer version (a live update) must not slip under them unseen.
  const pristine = !detail || JSON.stringify(values) === JSON.stringify(toFormValues(detail.partner));
  useEffect(() => {
    setUnsaved('partner', !pristine);
    return () => setUnsaved('partner', false);
  }, [pristine, setUnsaved]);
  useEffect(() => {
    if (!existing || existing.meta.version === detail?.meta.version) return;
    if (pristine) {
      // Nothing typed here: the form shows the newer version.
      setDetail(existing);
      setValues(toFormValues(existing.partner));
    } else if (existing.meta.changedBy === me) {
      // This person's own change from elsewhere on this screen (a contact recorded): the edits stay on it.
      setDetail(existing);
    }
    // Someone else's change under unsaved edits: the save meets the conflict path instead.
  }, [existing, detail, pristine, me]);

  const problemMap: Problems = new Map(
    problems.map((p) => [fieldId(p.path), t(p.messageKey, { defaultValue: p.message })]),
  );
  const set = <K extends keyof PartnerFormValues>(k: K, v: PartnerFormValues[K]) =>
    setValues((s) => ({ ...s, [k]: v }));

  function labelOf(path: readonly (string | number)[]): string {
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    setServerError(null);
    const doc = fromFormValues(values, detail?.partner);
    const checked = validatePartnerForm(doc);
    if (!checked.ok) {
      setProblems(checked.problems);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setProblems([]);
    await save(checked.partner, detail?.meta.version);
  }

  async function save(partner: Record<string, unknown>, version: number | undefined) {
    try {
      const saved = await savePartner(partner, version);
      setConflict(null);
      setDetail(saved);
      onDone();
    } catch (err) {
      if (err instanceof ServiceError && err.shape.code === 'conflict' && err.shape.conflict) {
        setConflict(err.shape.conflict);
        return;
      }
      setServerError(err instanceof ServiceError ? err.message : String(err));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  }

  /** Their version replaces the form; the edits made here are set aside. */
  function keepTheirs(c: ConflictDetails) {
    const theirs = c.theirs.record as Partner;
    if (detail)
      setDetail({ ...detail, partner: theirs, meta: { ...detail.meta, version: c.theirs.version } });
    setValues(toFormValues(theirs));
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
          save(
            detail
              ? applyEditsOnTop(detail.partner, c.theirs.record as Partner, c.yours.record as Partner)
              : {},
            c.theirs.version,
          )
        }
        fieldLabel={(field) => labelOf(field.split('.'))}
      />
      <div className="screen-header">
        <h1 id="partner-editor-title">{title}</h1>
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
        <div ref={summaryRef} tabIndex={-1} className="form-summary">
          {problems.length || serverError ? (
            <div className="notice notice--error" role="alert">
              <p>{serverError ?? t('errors.summary', { count: problems.length })}</p>
              {problems.length ? (
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <a
                        href={`#${fieldId(p.path)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(fieldId(p.path))?.focus();
                        }}
                      >
                        {labelOf(p.path)}: {t(p.messageKey, { defaultValue: p.message })}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>

        <fieldset className="form-section">
          <legend>{t('editor.organisation')}</legend>
          <div className="form-section__body">
            <TextField
              id={fieldId(['name'])}
              label={t('field.name')}
              value={values.name}
              required
              problems={problemMap}
              onChange={(v) => set('name', v)}
            />
            <div className="field">
              <label htmlFor={fieldId(['kind'])} className="field__label">
                {t('field.kind')}
              </label>
              <select
                id={fieldId(['kind'])}
                value={values.kind}
                onChange={(e) => set('kind', e.target.value as PartnerFormValues['kind'])}
              >
                {PARTNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              id={fieldId(['description'])}
              label={t('field.description')}
              value={values.description}
              problems={problemMap}
              onChange={(v) => set('description', v)}
              multiline
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('editor.coverage')}</legend>
          <div className="form-section__body">
            <TextField
              id={fieldId(['regions'])}
              label={t('field.regions')}
              hint={t('hint.regions')}
              value={values.regions}
              problems={problemMap}
              onChange={(v) => set('regions', v)}
            />
            <TextField
              id={fieldId(['handles'])}
              label={t('field.handles')}
              hint={t('hint.handles')}
              value={values.handles}
              problems={problemMap}
              onChange={(v) => set('handles', v)}
            />
            <TextField
              id={fieldId(['languages'])}
              label={t('field.languages')}
              hint={t('hint.languages')}
              value={values.languages}
              problems={problemMap}
              onChange={(v) => set('languages', v)}
            />
            <fieldset className="checkbox-group">
              <legend>{t('field.channels')}</legend>
              <p className="field__hint">{t('hint.channels')}</p>
              {CONTACT_CHANNELS.map((c) => {
                const rank = values.channels.indexOf(c);
                return (
                  <label key={c}>
                    <input
                      type="checkbox"
                      checked={rank >= 0}
                      onChange={(e) =>
                        set(
                          'channels',
                          e.target.checked ? [...values.channels, c] : values.channels.filter((x) => x !== c),
                        )
                      }
                    />
                    {t(`channel.${c}`)}
                    {rank >= 0 ? <span className="muted">{t('hint.rank', { n: rank + 1 })}</span> : null}
                  </label>
                );
              })}
            </fieldset>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('editor.contacts')}</legend>
          <p className="form-section__hint">{t('hint.contacts')}</p>
          {values.roles.map((role, i) => (
            <fieldset key={i} className="partner-role">
              <legend>{t('role.legend', { n: i + 1 })}</legend>
              <TextField
                id={fieldId(['roles', i, 'role'])}
                label={t('role.name')}
                hint={i === 0 ? t('hint.role') : undefined}
                value={role.role}
                required
                problems={problemMap}
                onChange={(v) =>
                  set(
                    'roles',
                    values.roles.map((r, j) => (j === i ? { ...r, role: v } : r)),
                  )
                }
              />
              <PersonFields
                path={['roles', i, 'primary']}
                legend={t('role.primary')}
                value={role.primary}
                required
                problems={problemMap}
                onChange={(p) =>
                  set(
                    'roles',
                    values.roles.map((r, j) => (j === i ? { ...r, primary: p } : r)),
                  )
                }
              />
              <PersonFields
                path={['roles', i, 'backup']}
                legend={t('role.backup')}
                value={role.backup}
                required={false}
                problems={problemMap}
                onChange={(p) =>
                  set(
                    'roles',
                    values.roles.map((r, j) => (j === i ? { ...r, backup: p } : r)),
                  )
                }
              />
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() =>
                  set(
                    'roles',
                    values.roles.filter((_, j) => j !== i),
                  )
                }
              >
                {t('role.remove', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set('roles', [...values.roles, emptyRole()])}
          >
            {t('role.add')}
          </button>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('editor.notify')}</legend>
          <p className="form-section__hint">{t('hint.notify')}</p>
          {values.notify.map((rule, i) => {
            const update = (patch: Partial<typeof rule>) =>
              set(
                'notify',
                values.notify.map((r, j) => (j === i ? { ...r, ...patch } : r)),
              );
            return (
              <fieldset key={i} className="partner-rule">
                <legend>{t('rule.legend', { n: i + 1 })}</legend>
                <div className="partner-rule__menus">
                  <FilterMenu
                    label={t('rule.purposes')}
                    options={PURPOSES.map((v) => ({ value: v, label: t(`enums:purpose.${v}`) }))}
                    selected={rule.purposes}
                    onChange={(v) => update({ purposes: v })}
                  />
                  <FilterMenu
                    label={t('rule.types')}
                    options={THREAT_TYPES.map((v) => ({ value: v, label: t(`enums:type.${v}`) }))}
                    selected={rule.types}
                    onChange={(v) => update({ types: v })}
                  />
                  <FilterMenu
                    label={t('rule.targetKinds')}
                    options={TARGET_KINDS.map((v) => ({ value: v, label: t(`enums:targetKind.${v}`) }))}
                    selected={rule.targetKinds}
                    onChange={(v) => update({ targetKinds: v })}
                  />
                  <label className="compact-field">
                    {t('rule.minBreakout')}
                    <select
                      id={fieldId(['notify', i, 'minBreakout'])}
                      value={rule.minBreakout}
                      onChange={(e) => update({ minBreakout: e.target.value })}
                    >
                      <option value="">{t('rule.anyBreakout')}</option>
                      {BREAKOUT_CATEGORIES.map((b) => (
                        <option key={b} value={String(b)}>
                          {t('rule.breakoutAtLeast', { n: b })}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <p className="partner-rule__summary">{ruleSummary(rule, t)}</p>
                <div className="form-section__body">
                  <TextField
                    id={fieldId(['notify', i, 'regions'])}
                    label={t('rule.regions')}
                    hint={t('hint.list')}
                    value={rule.regions}
                    problems={problemMap}
                    onChange={(v) => update({ regions: v })}
                  />
                  <TextField
                    id={fieldId(['notify', i, 'channels'])}
                    label={t('rule.channels')}
                    hint={t('hint.list')}
                    value={rule.channels}
                    problems={problemMap}
                    onChange={(v) => update({ channels: v })}
                  />
                  <TextField
                    id={fieldId(['notify', i, 'note'])}
                    label={t('rule.note')}
                    value={rule.note}
                    problems={problemMap}
                    onChange={(v) => update({ note: v })}
                    multiline
                  />
                </div>
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() =>
                    set(
                      'notify',
                      values.notify.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('rule.remove', { n: i + 1 })}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="button"
            onClick={() => set('notify', [...values.notify, emptyRule()])}
          >
            {t('rule.add')}
          </button>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('field.notes')}</legend>
          <TextField
            id={fieldId(['notes'])}
            label={t('field.notes')}
            value={values.notes}
            problems={problemMap}
            onChange={(v) => set('notes', v)}
            multiline
          />
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('editor.save')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('common:cancel')}
          </button>
        </div>
      </form>

      {detail ? (
        <>
          <section className="form-section partner-log" aria-labelledby="contact-log-title">
            <h2 id="contact-log-title">{t('contactLog.title')}</h2>
            {detail.partner.contactLog?.length ? (
              <ul>
                {[...detail.partner.contactLog].reverse().map((c, i) => (
                  <li key={i}>
                    <strong>{formatDate(c.date)}</strong> · {c.by}
                    {c.channel ? ` · ${t(`channel.${c.channel}`)}` : ''}
                    {c.note ? ` — ${c.note}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('contactLog.none')}</p>
            )}
          </section>
          <section className="form-section" aria-labelledby="partner-history-title">
            <h2 id="partner-history-title">{t('history.title')}</h2>
            <History
              id={detail.partner.id}
              version={detail.meta.version}
              onRestored={(d) => {
                setDetail(d);
                setValues(toFormValues(d.partner));
              }}
            />
          </section>
        </>
      ) : null}
      {contactOpen && detail ? (
        <RecordContactDialog partner={detail} onClose={() => setContactOpen(false)} />
      ) : null}
    </section>
  );
}

function ruleSummary(
  rule: PartnerFormValues['notify'][number],
  t: (key: string, opts?: Record<string, unknown>) => string,
): string {
  const parts = [
    rule.purposes.map((v) => t(`enums:purpose.${v}`)).join(t('rule.or')),
    rule.types.map((v) => t(`enums:type.${v}`)).join(t('rule.or')),
    rule.targetKinds.map((v) => t(`enums:targetKind.${v}`)).join(t('rule.or')),
    rule.minBreakout ? t('rule.breakoutAtLeast', { n: rule.minBreakout }) : '',
    rule.regions.trim() ? `${t('rule.regions')}${t('rule.colon')}${rule.regions.trim()}` : '',
    rule.channels.trim() ? `${t('rule.channels')}${t('rule.colon')}${rule.channels.trim()}` : '',
  ].filter(Boolean);
  return parts.length ? t('rule.summary', { criteria: parts.join(t('rule.and')) }) : t('rule.summaryAll');
}
