// The draft's text, by language and section: each section labelled in its own language (the French tab
// reads "Le fait", not "The fact"), marked where a check found something, and read-only when the version
// is old or approved.
import * as Tabs from '@radix-ui/react-tabs';
import { useTranslation } from 'react-i18next';
import type { Draft, DraftLang } from '../../../shared/domain/drafting';
import type { CheckReport } from '../../../shared/domain/drafting-records';
import { kindNumbers, rowsFor, textareaId, type Texts } from './editor-model';

export function DraftText({
  draft,
  report,
  texts,
  onText,
  activeLang,
  onLang,
  editable,
}: {
  draft: Draft;
  report: CheckReport;
  texts: Texts;
  onText(lang: DraftLang, sectionId: string, text: string): void;
  activeLang: DraftLang;
  onLang(lang: DraftLang): void;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation('drafting');
  return (
    <Tabs.Root value={activeLang} onValueChange={(v) => onLang(v as DraftLang)} className="tabs">
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
        // Section names in the language of the text they label.
        const inLang = i18n.getFixedT(lang, 'drafting');
        const sections = draft.sections[lang] ?? [];
        const numbers = kindNumbers(sections);
        return (
          <Tabs.Content key={lang} value={lang} className="tabs__content draft-editor__sections">
            {sections.map((section) => {
              const id = textareaId(lang, section.id);
              const issues = report.checks.filter((c) => c.lang === lang && c.sectionId === section.id);
              const hasError = issues.some((c) => c.severity === 'error');
              const n = numbers.get(section.id);
              const value = texts[lang]?.[section.id] ?? section.text;
              return (
                <div
                  key={section.id}
                  className={`field draft-section${issues.length ? ` draft-section--${hasError ? 'error' : 'warning'}` : ''}`}
                >
                  <label htmlFor={id} className="field__label" lang={lang}>
                    {section.heading ?? `${inLang(`sections.${section.kind}`)}${n ? ` ${n}` : ''}`}
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
                    onChange={(e) => onText(lang, section.id, e.target.value)}
                  />
                </div>
              );
            })}
          </Tabs.Content>
        );
      })}
    </Tabs.Root>
  );
}
