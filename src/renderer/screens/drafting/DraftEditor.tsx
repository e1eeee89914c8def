// The draft editor: the plan at the top, the text by language and section, the checks beside it (run again
// as the text is edited; one click goes to the passage), the approval steps, the versions, and the export.
import * as Tabs from '@radix-ui/react-tabs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Check, Draft, DraftLang } from '../../../shared/domain/drafting';
import type { ConflictDetails } from '../../../shared/errors';
import { ConflictDialog } from '../../components/ConflictDialog';
import type { CheckReport } from '../../../shared/domain/drafting-records';
import { ServiceError, api, call } from '../../api/bridge';
import { useStore } from '../../store';
import { ApprovalPanel } from './ApprovalPanel';
import { ChecksPanel } from './ChecksPanel';
import {
  clampSpan,
  editsOf,
  hasEdits,
  kindNumbers,
  rowsFor,
  textareaId,
  textsOf,
  type Texts,
} from './editor-model';
import { ExportPanel } from './ExportPanel';
import { PlanPanel } from './PlanPanel';
import { StatusBadge } from './StatusBadge';
import { VersionsPanel } from './VersionsPanel';
import './drafting.css';

const CHECK_DELAY_MS = 350;

export function DraftEditor({ draftId, version }: { draftId: string; version?: number }) {
  const { t, i18n } = useTranslation('drafting');
  const editor = useStore((s) => s.editor);
  const editorError = useStore((s) => s.editorError);
  const openDraft = useStore((s) => s.openDraft);
  const closeDraft = useStore((s) => s.closeDraft);
  const saveDraftText = useStore((s) => s.saveDraftText);
  const navigate = useStore((s) => s.navigate);
  const pushToast = useStore((s) => s.pushToast);

  useEffect(() => {
    void openDraft(draftId, version);
  }, [draftId, version, openDraft]);
  useEffect(() => () => closeDraft(), [closeDraft]);

  const record =
    editor && editor.record.id === draftId && (version === undefined || editor.record.version === version)
      ? editor.record
      : null;
  const [texts, setTexts] = useState<Texts>({});
  const [report, setReport] = useState<CheckReport | null>(null);
  const [activeLang, setActiveLang] = useState<DraftLang>('en');
  const [unlocked, setUnlocked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [checking, setChecking] = useState(false);
  const [jump, setJump] = useState<{ lang: DraftLang; sectionId: string; start: number; end: number } | null>(
    null,
  );
  const checkRun = useRef(0);

  // A newly loaded version replaces what is on screen.
  const loadedKey = record
    ? `${record.id}@${record.version}/${record.currentVersion}/${record.draft.status}`
    : '';
  useEffect(() => {
    if (!record) return;
    setTexts(textsOf(record.draft));
    setReport(record.report);
    setUnlocked(false);
    setSaveError(null);
    setActiveLang((l) => (record.draft.languages.includes(l) ? l : record.draft.languages[0]!));
  }, [loadedKey]);

  const edits = useMemo(() => (record ? editsOf(record.draft, texts) : {}), [record, texts]);
  const dirty = hasEdits(edits);
  // Live updates leave unsaved text alone (its save meets the conflict path instead).
  const setUnsaved = useStore((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved('draft', dirty);
    return () => setUnsaved('draft', false);
  }, [dirty, setUnsaved]);
  const isCurrent = record ? record.version === record.currentVersion : false;
  const approved = record?.draft.status === 'approved';
  const editable = Boolean(record) && isCurrent && (!approved || unlocked);

  // Checks run again shortly after the text stops changing.
  useEffect(() => {
    if (!record) return;
    if (!dirty) {
      setReport(record.report);
      setChecking(false);
      return;
    }
    const run = ++checkRun.current;
    setChecking(true);
    const timer = setTimeout(() => {
      void call(api.drafting.check({ draftId: record.id, version: record.version, sections: edits }))
        .then((r) => {
          if (run === checkRun.current) setReport(r);
        })
        .catch(() => {})
        .finally(() => {
          if (run === checkRun.current) setChecking(false);
        });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [record, edits, dirty]);

  // Going to a check's passage: show its language, then focus the section and select the span.
  useEffect(() => {
    if (!jump || jump.lang !== activeLang) return;
    const el = document.getElementById(textareaId(jump.lang, jump.sectionId)) as HTMLTextAreaElement | null;
    if (el) {
      const { start, end } = clampSpan(jump, el.value);
      el.focus();
      el.setSelectionRange(start, end);
      el.scrollIntoView({ block: 'center' });
    }
    setJump(null);
  }, [jump, activeLang]);

  const goToCheck = useCallback((check: Check) => {
    if (!check.sectionId) return;
    setActiveLang(check.lang);
    setJump({ lang: check.lang, sectionId: check.sectionId, start: check.start, end: check.end });
  }, []);

  async function save(over?: number) {
    if (!record) return;
    setSaving(true);
    setSaveError(null);
    try {
      // Only the sections edited here are sent: over a newer version, they go on top of it.
      const saved = await saveDraftText(edits, over);
      setConflict(null);
      pushToast({ message: { key: 'drafting:editor.saved', values: { version: saved.version } } });
    } catch (err) {
      if (err instanceof ServiceError && err.shape.code === 'conflict' && err.shape.conflict)
        setConflict(err.shape.conflict);
      else setSaveError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  if (editorError) {
    return (
      <section className="screen">
        <p className="notice notice--error" role="alert">
          {editorError}
        </p>
        <a href="#/drafting" onClick={(e) => (e.preventDefault(), navigate({ screen: 'drafting' }))}>
          {t('editor.backToList')}
        </a>
      </section>
    );
  }
  if (!record || !editor || !report) {
    return (
      <section className="screen" aria-busy="true">
        <p>{t('editor.loading')}</p>
      </section>
    );
  }

  const draft = record.draft;
  const templateName = t(`templates.${record.template}`);
  const firstLang = draft.languages[0]!;
  const title = draft.title[firstLang] ?? templateName;
  const sectionIssues = (lang: DraftLang, sectionId: string) =>
    report.checks.filter((c) => c.lang === lang && c.sectionId === sectionId);

  // The two versions of a refused save, section by section (lang.sectionId → text), for the dialog.
  const asTexts = (c: ConflictDetails): ConflictDetails => ({
    ...c,
    theirs: { ...c.theirs, record: textsOf(c.theirs.record as Draft) },
    yours: { ...c.yours, record: textsOf(c.yours.record as Draft) },
  });

  return (
    <section className="screen draft-editor" aria-labelledby="draft-title" data-testid="draft-editor">
      <ConflictDialog
        conflict={conflict ? asTexts(conflict) : null}
        onClose={() => setConflict(null)}
        onKeepTheirs={() => {
          // The newer version replaces the text on screen; the edits made here are set aside.
          setConflict(null);
          void openDraft(record.id);
        }}
        onApplyMine={(c) => save(c.theirs.version)}
      />
      <div className="screen-header draft-editor__header">
        <div>
          <p className="draft-editor__crumbs">
            <a href="#/drafting" onClick={(e) => (e.preventDefault(), navigate({ screen: 'drafting' }))}>
              {t('editor.backToList')}
            </a>
            {' · '}
            <a
              href={`#/log/${encodeURIComponent(draft.threatIds[0]!)}`}
              onClick={(e) => (
                e.preventDefault(),
                navigate({ screen: 'log', threatId: draft.threatIds[0]! })
              )}
            >
              {t('editor.back')}
            </a>
          </p>
          <h1 id="draft-title">
            {templateName}
            <span className="draft-editor__title" lang={firstLang}>
              {title !== templateName ? ` — ${title}` : ''}
            </span>
          </h1>
          <p className="draft-editor__meta">
            <StatusBadge status={draft.status} />
            <span data-testid="draft-version">
              {t('editor.versionOf', { version: record.version, current: record.currentVersion })}
            </span>
            <span>{t('editor.about', { threats: draft.threatIds.join(', ') })}</span>
          </p>
        </div>
      </div>

      {!isCurrent ? (
        <div className="notice notice--warning draft-editor__old" role="status">
          {t('editor.viewingOld', { version: record.version })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => navigate({ screen: 'drafting', params: { id: record.id } })}
          >
            {t('editor.viewCurrent')}
          </button>
        </div>
      ) : null}

      <PlanPanel
        editor={editor}
        languages={draft.languages}
        blocked={!isCurrent ? 'old' : dirty ? 'dirty' : null}
      />

      <div className="draft-editor__grid">
        <div className="draft-editor__text">
          <h2 className="visually-hidden">{t('editor.text')}</h2>
          {approved && isCurrent ? (
            <div className="notice notice--ok draft-editor__frozen">
              <p>
                {t('editor.readOnlyApproved')} {t('approval.frozen')}
              </p>
              {!unlocked ? (
                <button type="button" className="button" onClick={() => setUnlocked(true)}>
                  {t('editor.editAsNew')}
                </button>
              ) : null}
            </div>
          ) : null}
          <Tabs.Root value={activeLang} onValueChange={(v) => setActiveLang(v as DraftLang)} className="tabs">
            <Tabs.List className="tabs__list" aria-label={t('editor.languageTabs')}>
              {draft.languages.map((lang) => {
                const errors = report.checks.filter((c) => c.lang === lang && c.severity === 'error').length;
                return (
                  <Tabs.Trigger key={lang} value={lang} className="tabs__trigger">
                    {t(`languages.${lang}`)}
                    {errors > 0 ? (
                      <span className="draft-editor__tab-errors">
                        {' '}
                        ({t('checks.errorCount', { count: errors })})
                      </span>
                    ) : null}
                  </Tabs.Trigger>
                );
              })}
            </Tabs.List>
            {draft.languages.map((lang) => {
              const sections = draft.sections[lang] ?? [];
              const numbers = kindNumbers(sections);
              return (
                <Tabs.Content key={lang} value={lang} className="tabs__content draft-editor__sections">
                  {sections.map((section) => {
                    const id = textareaId(lang, section.id);
                    const issues = sectionIssues(lang, section.id);
                    const hasError = issues.some((c) => c.severity === 'error');
                    const n = numbers.get(section.id);
                    const value = texts[lang]?.[section.id] ?? section.text;
                    return (
                      <div
                        key={section.id}
                        className={`field draft-section${issues.length ? ` draft-section--${hasError ? 'error' : 'warning'}` : ''}`}
                      >
                        <label htmlFor={id} className="field__label">
                          {/* Labels in the tab's language: the French tab is French throughout. */}
                          <span lang={lang}>
                            {section.heading ??
                              `${i18n.getFixedT(lang, 'drafting')(`sections.${section.kind}`)}${n ? ` ${n}` : ''}`}
                          </span>
                        </label>
                        {issues.length ? (
                          <span id={`${id}-checks`} className="visually-hidden">
                            {t('editor.sectionChecks', {
                              messages: issues.map((c) => t(`checks.names.${c.id}`)).join('; '),
                            })}
                          </span>
                        ) : null}
                        <textarea
                          id={id}
                          lang={lang}
                          rows={rowsFor(value)}
                          value={value}
                          readOnly={!editable}
                          aria-invalid={hasError || undefined}
                          aria-describedby={issues.length ? `${id}-checks` : undefined}
                          onChange={(e) => {
                            const text = e.target.value;
                            setTexts((all) => ({ ...all, [lang]: { ...all[lang], [section.id]: text } }));
                          }}
                        />
                      </div>
                    );
                  })}
                </Tabs.Content>
              );
            })}
          </Tabs.Root>
          {editable ? (
            <div className="draft-editor__savebar">
              {saveError ? (
                <p className="notice notice--error" role="alert">
                  {saveError}
                </p>
              ) : null}
              <button
                type="button"
                className="button button--primary"
                disabled={!dirty || saving}
                onClick={() => void save()}
              >
                {saving ? t('editor.saving') : t('editor.save', { version: record.currentVersion + 1 })}
              </button>
              {dirty ? (
                <>
                  <span className="pill draft-editor__unsaved">{t('editor.unsaved')}</span>
                  <button type="button" className="button" onClick={() => setTexts(textsOf(draft))}>
                    {t('editor.discard')}
                  </button>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
        <aside className="draft-editor__side" aria-label={t('editor.side')}>
          <ChecksPanel report={report} draft={draft} checking={checking} onJump={goToCheck} />
          <ApprovalPanel record={record} report={report} dirty={dirty} isCurrent={isCurrent} />
          <ExportPanel record={record} dirty={dirty} />
          <VersionsPanel editor={editor} />
        </aside>
      </div>
    </section>
  );
}
