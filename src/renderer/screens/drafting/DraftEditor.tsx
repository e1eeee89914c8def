// The draft editor: the plan at the top, the text by language and section, the checks beside it (run again
// as the text is edited; one click goes to the passage), the approval steps, the versions, and the export.
// Leaving with unsaved text asks first.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Check, Draft, DraftLang } from '../../../shared/domain/drafting';
import type { ConflictDetails } from '../../../shared/errors';
import { conflictOf } from '../../api/bridge';
import { ConflictDialog } from '../../components/ConflictDialog';
import { useUnsavedGuard } from '../../hooks/useUnsavedGuard';
import { useStore } from '../../store';
import { ApprovalPanel } from './ApprovalPanel';
import { ChecksPanel } from './ChecksPanel';
import { DraftHeader } from './DraftHeader';
import { DraftText } from './DraftText';
import { clampSpan, editsOf, hasEdits, textareaId, textsOf, type Texts } from './editor-model';
import { ExportPanel } from './ExportPanel';
import { PlanPanel } from './PlanPanel';
import { SaveFrenchToThreat } from './SaveFrenchToThreat';
import { useLiveChecks } from './useLiveChecks';
import { VersionsPanel } from './VersionsPanel';
import './drafting.css';
import { ErrorNotice } from '../../components/ErrorNotice';

export function DraftEditor({ draftId, version }: { draftId: string; version?: number }) {
  const { t } = useTranslation('drafting');
  const editor = useStore((s) => s.editor);
  const editorError = useStore((s) => s.editorError);
  const openDraft = useStore((s) => s.openDraft);
  const closeDraft = useStore((s) => s.closeDraft);
  const saveDraftText = useStore((s) => s.saveDraftText);
  const navigate = useStore((s) => s.navigate);
  const pushToast = useStore((s) => s.pushToast);
  const focusHeading = useStore((s) => s.focusHeading);
  const setFocusHeading = useStore((s) => s.setFocusHeading);

  useEffect(() => {
    void openDraft(draftId, version);
  }, [draftId, version, openDraft]);
  useEffect(() => () => closeDraft(), [closeDraft]);

  const record =
    editor && editor.record.id === draftId && (version === undefined || editor.record.version === version)
      ? editor.record
      : null;
  // The text being edited, for the version it was loaded from (a newly loaded version starts afresh).
  const loadedKey = record
    ? `${record.id}@${record.version}/${record.currentVersion}/${record.draft.status}`
    : '';
  const [edited, setEdited] = useState<{ key: string; texts: Texts; unlocked: boolean } | null>(null);
  const mine = edited?.key === loadedKey ? edited : null;
  const texts = useMemo(() => mine?.texts ?? (record ? textsOf(record.draft) : {}), [mine, record]);
  const unlocked = mine?.unlocked ?? false;
  const [chosenLang, setActiveLang] = useState<DraftLang>('en');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);

  const edits = useMemo(() => (record ? editsOf(record.draft, texts) : {}), [record, texts]);
  const dirty = hasEdits(edits);
  useUnsavedGuard('draft-editor', dirty);
  const { report, checking } = useLiveChecks(record, edits, dirty);
  const isCurrent = record ? record.version === record.currentVersion : false;
  const approved = record?.draft.status === 'approved';
  const editable = Boolean(record) && isCurrent && (!approved || unlocked);
  const activeLang =
    record && !record.draft.languages.includes(chosenLang)
      ? (record.draft.languages[0] ?? chosenLang)
      : chosenLang;

  // A newly created draft opens with its heading focused (not 35 Tabs away).
  useEffect(() => {
    if (!record || !focusHeading) return;
    setFocusHeading(false);
    document.getElementById('draft-title')?.focus();
  }, [record, focusHeading, setFocusHeading]);

  // Going to a check's passage: show its language (drawn at once), then focus the section and select the span.
  const goToCheck = useCallback((check: Check) => {
    const sectionId = check.sectionId;
    if (!sectionId) return;
    flushSync(() => setActiveLang(check.lang));
    const el = document.getElementById(textareaId(check.lang, sectionId));
    if (!(el instanceof HTMLTextAreaElement)) return;
    const { start, end } = clampSpan(check, el.value);
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollIntoView({ block: 'center' });
  }, []);

  async function save(over?: number) {
    if (!record) return;
    setSaving(true);
    setSaveError(null);
    try {
      // Only the sections edited here are sent: over a newer version, they go on top of it.
      const saved = await saveDraftText(edits, over);
      setConflict(null);
      setEdited(null);
      pushToast({ message: { key: 'drafting:editor.saved', values: { version: saved.version } } });
    } catch (err) {
      const stale = conflictOf(err);
      if (stale) setConflict(stale);
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
  const setText = (lang: DraftLang, sectionId: string, text: string) =>
    setEdited({
      key: loadedKey,
      unlocked,
      texts: { ...texts, [lang]: { ...texts[lang], [sectionId]: text } },
    });

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
          setEdited(null);
          void openDraft(record.id);
        }}
        onApplyMine={(c) => save(c.theirs.version)}
      />
      <div className="draft-editor__top">
        <DraftHeader record={record} />
        {editable ? (
          <div className="draft-editor__savebar">
            <ErrorNotice error={saveError} />
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
                <button type="button" className="button" onClick={() => setEdited(null)}>
                  {t('editor.discard')}
                </button>
              </>
            ) : null}
            {activeLang === 'fr' ? <SaveFrenchToThreat draft={draft} texts={texts} /> : null}
          </div>
        ) : null}
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
                <button
                  type="button"
                  className="button"
                  onClick={() => setEdited({ key: loadedKey, texts, unlocked: true })}
                >
                  {t('editor.editAsNew')}
                </button>
              ) : null}
            </div>
          ) : null}
          <DraftText
            draft={draft}
            report={report}
            texts={texts}
            onText={setText}
            activeLang={activeLang}
            onLang={setActiveLang}
            editable={editable}
          />
        </div>
        <aside className="draft-editor__side" aria-label={t('editor.side')}>
          <ChecksPanel report={report} draft={draft} checking={checking} onJump={goToCheck} />
          <ApprovalPanel
            key={`${draft.status}@${record.version}`}
            record={record}
            report={report}
            dirty={dirty}
            isCurrent={isCurrent}
          />
          <ExportPanel record={record} dirty={dirty} />
          <VersionsPanel editor={editor} />
        </aside>
      </div>
    </section>
  );
}
