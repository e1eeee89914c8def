// The draft editor's header, kept in view while the text scrolls: where it belongs, what it is, its status
// and version.
import { useTranslation } from 'react-i18next';
import type { DraftRecord } from '../../../shared/domain/drafting-records';
import { useStore } from '../../store';
import { StatusBadge } from './StatusBadge';

export function DraftHeader({ record }: { record: DraftRecord }) {
  const { t } = useTranslation('drafting');
  const navigate = useStore((s) => s.navigate);
  const draft = record.draft;
  const templateName = t(`templates.${record.template}`);
  const firstLang = draft.languages[0] ?? 'en';
  const firstThreat = draft.threatIds[0] ?? '';
  const title = draft.title[firstLang] ?? templateName;
  return (
    <div className="screen-header draft-editor__header">
      <div>
        <p className="draft-editor__crumbs">
          <a href="#/drafting" onClick={(e) => (e.preventDefault(), navigate({ screen: 'drafting' }))}>
            {t('editor.backToList')}
          </a>
          {' · '}
          <a
            href={`#/log/${encodeURIComponent(firstThreat)}`}
            onClick={(e) => (e.preventDefault(), navigate({ screen: 'log', threatId: firstThreat }))}
          >
            {t('editor.back')}
          </a>
        </p>
        <h1 id="draft-title" tabIndex={-1}>
          {templateName}
          {title !== templateName ? (
            <span className="draft-editor__title" lang={firstLang}>
              {' — '}
              <bdi>{title}</bdi>
            </span>
          ) : null}
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
  );
}
