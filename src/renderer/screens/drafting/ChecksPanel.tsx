// The checks beside the text: each with its severity and message; one click (or Enter) goes to the passage.
// The reading grade of each language against the plain-language target.
import { useTranslation } from 'react-i18next';
import type { Check, Draft } from '../../../shared/domain/drafting';
import type { CheckReport } from '../../../shared/domain/drafting-records';
import { uiMessage } from '../../message';
import { uiLocale } from '../../i18n';

export function ChecksPanel({
  report,
  draft,
  checking,
  onJump,
}: {
  report: CheckReport;
  draft: Draft;
  checking: boolean;
  onJump(check: Check): void;
}) {
  const { t } = useTranslation('drafting');
  const where = (c: Check) => {
    const lang = t(`languages.${c.lang}`);
    if (!c.sectionId) return `${lang} · ${t('checks.general')}`;
    const section = draft.sections[c.lang]?.find((s) => s.id === c.sectionId);
    return `${lang} · ${section?.heading ?? (section ? t(`sections.${section.kind}`) : c.sectionId)}`;
  };
  return (
    <section
      className="panel-box side-panel checks-panel"
      aria-labelledby="checks-title"
      data-testid="checks-panel"
    >
      <h2 id="checks-title">{t('checks.title')}</h2>
      <p className="checks-panel__summary" role="status" aria-live="polite">
        {checking
          ? t('editor.checking')
          : report.checks.length === 0
            ? t('checks.none')
            : t('checks.counts', { errors: report.errors, warnings: report.warnings })}
      </p>
      {report.checks.length > 0 ? (
        <ul className="checks-list">
          {report.checks.map((c, i) => {
            const body = (
              <>
                <span className={`severity severity--${c.severity}`}>{t(`severity.${c.severity}`)}</span>
                <span className="checks-list__name">{t(`checks.names.${c.id}`)}</span>
                <span className="checks-list__where">{where(c)}</span>
                <span className="checks-list__message">{uiMessage(t, c.message)}</span>
              </>
            );
            return (
              <li
                key={`${c.id}-${c.lang}-${c.sectionId}-${c.start}-${i}`}
                className={`checks-list__item checks-list__item--${c.severity}`}
                data-check-id={c.id}
              >
                {c.sectionId ? (
                  <button
                    type="button"
                    className="checks-list__jump"
                    onClick={() => onJump(c)}
                    title={t('checks.jump')}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="checks-list__static">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <h3>{t('checks.readability')}</h3>
      <ul className="grades" data-testid="reading-grades">
        {draft.languages.map((lang) => {
          const grade = report.readability.byLanguage[lang] ?? 0;
          const over = grade > report.readability.target;
          return (
            <li key={lang} className={over ? 'grades__item grades__item--over' : 'grades__item'}>
              {t('checks.grade', {
                lang: t(`languages.${lang}`),
                grade: new Intl.NumberFormat(uiLocale(), {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                }).format(grade),
                target: report.readability.target,
              })}{' '}
              <span className="grades__verdict">— {over ? t('checks.gradeOver') : t('checks.gradeOk')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
