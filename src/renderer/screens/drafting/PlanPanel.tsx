// The communication plan above the text: purpose, type of threat, audience, when and where, who speaks and
// with whom. "What is being done" and "where to find reliable information" are edited here; saving makes a
// new plan version and rewrites those sections of the draft (a new draft version).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftLang } from '../../../shared/domain/drafting';
import { uiMessage } from '../../message';
import { channelLabel } from '../../labels/places';
import { formatDate, formatDateTime } from '../../format';
import { LevelBadge } from '../../components/LevelBadge';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { useStore } from '../../store';
import type { DraftEditorData } from '../../store/drafting-slice';
import { ErrorNotice } from '../../components/ErrorNotice';

type Lines = Partial<Record<DraftLang, string>>;

const toLines = (list: Record<DraftLang, string[]>, langs: readonly DraftLang[]): Lines =>
  Object.fromEntries(langs.map((l) => [l, list[l].join('\n')]));
const fromLines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function PlanPanel({
  editor,
  languages,
  blocked,
}: {
  editor: DraftEditorData;
  languages: DraftLang[];
  blocked: 'dirty' | 'old' | null;
}) {
  const { t, i18n } = useTranslation(['drafting', 'enums']);
  const saveDraftPlan = useStore((s) => s.saveDraftPlan);
  const viewPlanVersion = useStore((s) => s.viewPlanVersion);
  const pushToast = useStore((s) => s.pushToast);
  const ids = useId();
  const { plan: record, planVersions } = editor;
  const plan = record.plan;
  const ui: DraftLang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  // The plan is read once; after that it starts folded to one line (remembered per plan version).
  const readKey = `threshold.planRead.${record.id}@${record.version}`;
  const [open, setOpenState] = useState(() => localStorage.getItem(readKey) === null);
  const setOpen = (next: boolean) => {
    localStorage.setItem(readKey, '1');
    setOpenState(next);
  };
  useEffect(() => {
    localStorage.setItem(readKey, '1');
  }, [readKey]);
  // What is being typed, for the plan version it was typed on (another version starts from its own text).
  const key = `${record.id}@${record.version}/${languages.join()}`;
  const [typed, setTyped] = useState<{ key: string; protection: Lines; sources: Lines } | null>(null);
  const mine = typed?.key === key ? typed : null;
  const protection = mine?.protection ?? toLines(plan.protectionMeasures, languages);
  const sources = mine?.sources ?? toLines(plan.reliableSources, languages);
  const setProtection = (change: (p: Lines) => Lines) =>
    setTyped({ key, protection: change(protection), sources });
  const setSources = (change: (s: Lines) => Lines) => setTyped({ key, protection, sources: change(sources) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const old = record.version !== record.currentVersion;
  const changed = languages.some(
    (l) =>
      fromLines(protection[l]).join('\n') !== plan.protectionMeasures[l].join('\n') ||
      fromLines(sources[l]).join('\n') !== plan.reliableSources[l].join('\n'),
  );

  useUnsavedGuard('draft-plan', changed && !old);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const next = structuredClone(plan);
      for (const l of languages) {
        next.protectionMeasures[l] = fromLines(protection[l]);
        next.reliableSources[l] = fromLines(sources[l]);
      }
      await saveDraftPlan(next);
      pushToast({ message: { key: 'drafting:plan.saved' } });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const list = (xs: string[]) => (xs.length ? xs.join(', ') : t('plan.none'));
  const where = [
    plan.where.channels.length
      ? t('plan.channels', { list: plan.where.channels.map((c) => channelLabel(c, t)).join(', ') })
      : null,
    plan.where.regions.length ? t('plan.regions', { list: plan.where.regions.join(', ') }) : null,
    t('plan.languages', {
      list: [...plan.where.languages.map((l) => t(`languages.${l}`)), ...plan.where.otherLanguages].join(
        ', ',
      ),
    }),
  ].filter(Boolean);

  return (
    <section className="form-section plan-panel" aria-labelledby={`${ids}-title`} data-testid="plan-panel">
      <div className="plan-panel__head">
        <h2 id={`${ids}-title`}>{t('plan.title')}</h2>
        {!open ? (
          <p className="plan-panel__line" data-testid="plan-line">
            <LevelBadge level={plan.level} /> {t(`purposes.${plan.purpose}`)} ·{' '}
            {capitalize(plan.spokesperson.label[ui])} · {plan.timing.text[ui]}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={`${ids}-body`}
          onClick={() => setOpen(!open)}
        >
          {open ? t('plan.hide') : t('plan.show')}
        </button>
      </div>
      <div id={`${ids}-body`} hidden={!open}>
        <div className="plan-panel__version">
          <label htmlFor={`${ids}-version`}>{t('plan.version')}</label>
          <select
            id={`${ids}-version`}
            value={record.version}
            onChange={(e) => void viewPlanVersion(Number(e.target.value))}
          >
            {planVersions.map((v) => (
              <option key={v.version} value={v.version}>
                {t('plan.versionOption', { version: v.version, date: formatDateTime(v.savedAt) })}
              </option>
            ))}
          </select>
          <span className="muted">{t('plan.writtenFrom', { version: editor.record.planVersion })}</span>
        </div>
        {old ? <p className="notice notice--warning">{t('plan.oldVersion')}</p> : null}
        {(plan.warnings ?? []).map((w) => (
          <p
            key={`${w.id}-${String(w.params?.threat)}`}
            className="notice notice--warning"
            data-testid="plan-warning"
          >
            {uiMessage(t, w)}
          </p>
        ))}
        <dl className="plan-grid">
          <div>
            <dt>{t('plan.level')}</dt>
            <dd>
              <LevelBadge level={plan.level} />
            </dd>
          </div>
          <div>
            <dt>{t('plan.purpose')}</dt>
            <dd>
              <strong>{t(`purposes.${plan.purpose}`)}</strong>. {plan.purposeReason[ui]}
            </dd>
          </div>
          <div>
            <dt>{t('plan.types')}</dt>
            <dd>{plan.threatTypes.map((x) => t(`enums:type.${x}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('plan.audience')}</dt>
            <dd>
              {plan.audience.text[ui]}
              {plan.audience.descriptions.length ? (
                <span className="muted">
                  {' ('}
                  {/* The record's own words, not translated: English under a French interface. */}
                  <bdi lang={ui === 'en' ? undefined : 'en'}>{plan.audience.descriptions.join('; ')}</bdi>)
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('plan.when')}</dt>
            <dd>
              {plan.timing.text[ui]}
              {plan.timing.releaseBy ? (
                <span className="muted">
                  {' '}
                  {t('plan.releaseBy', { date: formatDate(plan.timing.releaseBy) })}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('plan.where')}</dt>
            <dd>{where.join(' · ')}</dd>
          </div>
          <div>
            <dt>{t('plan.spokesperson')}</dt>
            <dd>{capitalize(plan.spokesperson.label[ui])}</dd>
          </div>
          <div>
            <dt>{t('plan.partners')}</dt>
            <dd>{list(plan.partners.map((p) => capitalize(p.label[ui])))}</dd>
          </div>
        </dl>
        <div className="plan-panel__edit">
          {languages.map((l) => (
            <div key={l} className="plan-panel__lang">
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-protection-${l}`}>
                  {t('plan.protection', { lang: t(`languages.${l}`) })}
                </label>
                <span className="field__hint" id={`${ids}-hint-p-${l}`}>
                  {t('plan.oneLine')}
                </span>
                <textarea
                  id={`${ids}-protection-${l}`}
                  lang={l}
                  rows={3}
                  readOnly={old}
                  aria-describedby={`${ids}-hint-p-${l}`}
                  value={protection[l] ?? ''}
                  onChange={(e) => setProtection((p) => ({ ...p, [l]: e.target.value }))}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-sources-${l}`}>
                  {t('plan.sources', { lang: t(`languages.${l}`) })}
                </label>
                <span className="field__hint" id={`${ids}-hint-s-${l}`}>
                  {t('plan.oneLine')}
                </span>
                <textarea
                  id={`${ids}-sources-${l}`}
                  lang={l}
                  rows={2}
                  readOnly={old}
                  aria-describedby={`${ids}-hint-s-${l}`}
                  value={sources[l] ?? ''}
                  onChange={(e) => setSources((s) => ({ ...s, [l]: e.target.value }))}
                />
              </div>
            </div>
          ))}
        </div>
        <ErrorNotice error={error} />
        {!old ? (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={!changed || busy || blocked !== null}
              aria-describedby={blocked ? `${ids}-blocked` : undefined}
              onClick={() => void save()}
            >
              {t('plan.save')}
            </button>
            {blocked ? (
              <span id={`${ids}-blocked`} className="field__hint">
                {blocked === 'dirty' ? t('plan.saveFirst') : t('plan.currentFirst')}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
