// The "Drafts" tab of the threat panel: the drafts about this threat with their version and status, and a
// short form to start a new one from a template in the election's official languages.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LANGS, TEMPLATE_IDS, type DraftLang, type TemplateId } from '../../../shared/domain/drafting';
import type { ThreatDetail } from '../../../shared/domain/threat-log';
import { formatDate } from '../../format';
import { useStore } from '../../store';
import { DraftsTable } from './DraftsTable';
import './drafting.css';
import { FormActions } from '../../components/FormActions';
import { LanguageCheckboxes } from './LanguageCheckboxes';
import { ErrorNotice } from '../../components/ErrorNotice';

/** The election's official languages that Threshold drafts in ("fr-CA" → fr); both when none are given. */
export function electionDraftLanguages(languages: readonly string[] | undefined): DraftLang[] {
  const found = DRAFT_LANGS.filter((l) =>
    (languages ?? []).some((tag) => tag.toLowerCase().split(/[-_]/)[0] === l),
  );
  return found.length > 0 ? found : [...DRAFT_LANGS];
}

export function DraftsTab({ detail }: { detail: ThreatDetail }) {
  const { t } = useTranslation('drafting');
  const threatId = detail.threat.id;
  const data = useStore((s) => (s.threatDrafts?.threatId === threatId ? s.threatDrafts : null));
  const load = useStore((s) => s.loadThreatDrafts);
  const create = useStore((s) => s.createThreatDraft);
  const navigate = useStore((s) => s.navigate);
  const setFocusHeading = useStore((s) => s.setFocusHeading);
  const elections = useStore((s) => s.elections);
  const official = useMemo(
    () => electionDraftLanguages(elections.find((e) => e.id === detail.threat.electionId)?.languages),
    [elections, detail.threat.electionId],
  );
  const [template, setTemplate] = useState<TemplateId>('public-statement');
  // The election's official languages until the person chooses.
  const [chosenLanguages, setLanguages] = useState<DraftLang[] | null>(null);
  const languages = chosenLanguages ?? official;
  const [freshPlan, setFreshPlan] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  useEffect(() => {
    void load(threatId).catch((err: Error) => setError(err.message));
  }, [threatId, detail.meta.version, load]);

  const ownPlan = data?.plans.find((p) => !p.cluster && p.threatIds.length === 1);
  const deleted = Boolean(detail.meta.deletedAt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (languages.length === 0) {
      setError(t('tabPanel.needLanguage'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ordered = DRAFT_LANGS.filter((l) => languages.includes(l));
      const record = await create(threatId, template, ordered, freshPlan);
      // The new draft opens with its heading focused.
      setFocusHeading(true);
      navigate({ screen: 'drafting', params: { id: record.id } });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="drafts-tab">
      <ErrorNotice error={error} />
      {data ? (
        <DraftsTable drafts={data.drafts} empty={t('list.emptyThreat')} compact />
      ) : (
        <p aria-busy="true">{t('editor.loading')}</p>
      )}
      {!deleted ? (
        <form
          className="form-section drafts-tab__new"
          aria-labelledby={`${ids}-new`}
          onSubmit={(e) => void submit(e)}
        >
          <h3 id={`${ids}-new`}>{t('tabPanel.newDraft')}</h3>
          <p className="form-section__hint">
            {ownPlan
              ? t('tabPanel.plan', { date: formatDate(ownPlan.asOf), version: ownPlan.version })
              : t('tabPanel.noPlan')}
          </p>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-template`}>
              {t('tabPanel.template')}
            </label>
            <select
              id={`${ids}-template`}
              value={template}
              onChange={(e) => setTemplate(e.target.value as TemplateId)}
            >
              {TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`templates.${id}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="checkbox-group drafts-tab__languages" aria-describedby={`${ids}-langs-hint`}>
            <legend>{t('tabPanel.languages')}</legend>
            <span id={`${ids}-langs-hint`} className="field__hint">
              {t('tabPanel.languagesHint')}
            </span>
            <LanguageCheckboxes value={languages} onChange={setLanguages} />
          </fieldset>
          {ownPlan ? (
            <label className="drafts-tab__fresh">
              <input type="checkbox" checked={freshPlan} onChange={(e) => setFreshPlan(e.target.checked)} />
              {t('tabPanel.freshPlan')}
            </label>
          ) : null}
          <FormActions save={busy ? t('tabPanel.creating') : t('tabPanel.create')} busy={busy} />
        </form>
      ) : null}
    </div>
  );
}
