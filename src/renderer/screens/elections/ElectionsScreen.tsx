// Managing elections: calendar, parties, candidates, official languages.
import { ErrorNotice } from '../../components/ErrorNotice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElectionDetail } from '../../../shared/domain/elections';
import type { Election } from '../../../shared/domain/workspace';
import { api, call } from '../../api/bridge';
import { DataTable } from '../../components/DataTable';
import { RowActions } from '../../components/RowActions';
import { electionText } from '../../components/election-text';
import { formatDate } from '../../format';
import { languageLabel } from '../../labels/places';
import { useStore } from '../../store';
import { ReportButton } from '../outcomes/ReportDialog';
import { ElectionForm } from './ElectionForm';

export function ElectionsScreen() {
  const { t, i18n } = useTranslation(['elections', 'common']);
  const elections = useStore((s) => s.elections);
  const loadElections = useStore((s) => s.loadElections);
  const [editing, setEditing] = useState<ElectionDetail | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: string) {
    setError(null);
    try {
      await call(api.elections.delete({ id }));
      await loadElections();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  /** The editor opens the election as it is now, with its version (the list may be a moment older). */
  async function edit(id: string) {
    setError(null);
    try {
      setEditing(await call(api.elections.get({ id })));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section className="screen" aria-labelledby="elections-title">
      <div className="screen-header">
        <h1 id="elections-title">{t('title')}</h1>
        {!editing ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        ) : null}
      </div>
      <p className="form-section__hint">{t('intro')}</p>
      <ErrorNotice error={error} />
      {editing ? (
        <ElectionForm
          key={editing === 'new' ? 'new' : editing.election.id}
          {...(editing === 'new' ? {} : { opened: editing })}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <DataTable
        caption={t('title')}
        rows={elections}
        rowKey={(e) => e.id}
        columns={[
          {
            id: 'name',
            header: t('fields.name'),
            rowHeader: true,
            cell: (e) => <ElectionWords e={e} field="name" />,
          },
          {
            id: 'jurisdiction',
            header: t('fields.jurisdiction'),
            cell: (e) => <ElectionWords e={e} field="jurisdiction" />,
          },
          {
            id: 'advance',
            header: t('fields.advanceVotingStart'),
            cell: (e) => formatDate(e.advanceVotingStart),
          },
          { id: 'polling', header: t('fields.pollingDay'), cell: (e) => formatDate(e.pollingDay) },
          { id: 'parties', header: t('fields.parties'), numeric: true, cell: (e) => e.parties?.length ?? 0 },
          {
            id: 'languages',
            header: t('fields.languages'),
            cell: (e) => (e.languages ?? []).map(languageLabel).join(', '),
          },
          {
            id: 'actions',
            header: t('common:actions'),
            headerHidden: true,
            cell: (e) => (
              <div className="data-table__actions">
                <ReportButton election={e} />
                <RowActions
                  name={electionText(e, 'name', i18n.language).text}
                  onEdit={() => void edit(e.id)}
                  onDelete={() => void remove(e.id)}
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}

/** An election's name or jurisdiction in the interface language, or as recorded and marked English. */
function ElectionWords({ e, field }: { e: Election; field: 'name' | 'jurisdiction' }) {
  const { i18n } = useTranslation();
  const words = electionText(e, field, i18n.language);
  return <bdi lang={words.lang}>{words.text}</bdi>;
}
