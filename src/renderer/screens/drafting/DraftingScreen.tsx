// The Communications screen: every draft and "New draft…", or one draft in the editor
// (#/drafting/<draft id>, optionally ?version=N).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { DraftEditor } from './DraftEditor';
import { DraftsTable } from './DraftsTable';
import { NewDraftDialog } from './NewDraftDialog';
import './drafting.css';

export function DraftingScreen({ params }: { params: Record<string, string> }) {
  if (params.id) {
    const version = Number(params.version);
    return (
      <DraftEditor
        draftId={params.id}
        version={Number.isInteger(version) && version > 0 ? version : undefined}
      />
    );
  }
  return <DraftsHome />;
}

function DraftsHome() {
  const { t } = useTranslation('drafting');
  const drafts = useStore((s) => s.allDrafts);
  const load = useStore((s) => s.loadAllDrafts);
  const [newDraft, setNewDraft] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="screen drafting-home" aria-labelledby="drafting-title">
      <div className="screen-header">
        <h1 id="drafting-title">{t('title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setNewDraft(true)}>
          {t('newDraft.button')}
        </button>
      </div>
      <p className="drafting-home__lead">{t('lead')}</p>
      <h2>{t('list.label')}</h2>
      {drafts ? (
        <DraftsTable drafts={drafts} empty={t('list.empty')} />
      ) : (
        <p aria-busy="true">{t('editor.loading')}</p>
      )}
      {newDraft ? <NewDraftDialog onClose={() => setNewDraft(false)} /> : null}
    </section>
  );
}
