// The list of what to fix, at the top of a form: each problem names its field and links to it. It takes
// the focus after a failed save (through `summaryRef`) and is announced.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** Id of the control to focus. */
  target: string;
  label: string;
  message: string;
}

export function ErrorSummary({
  items,
  message,
  summaryRef,
}: {
  items: readonly SummaryItem[];
  /** A message that belongs to no field (e.g. the service refused the whole record). */
  message?: string | null;
  summaryRef?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const shown = items.length > 0 || Boolean(message);
  return (
    <div ref={summaryRef} tabIndex={-1} className="form-summary" data-testid="error-summary">
      {shown ? (
        <div className="notice notice--error" role="alert">
          {message ? <p>{message}</p> : null}
          {items.length ? (
            <>
              <p>{t('errorSummary', { count: items.length })}</p>
              <ul>
                {items.map((item) => (
                  <li key={`${item.target}:${item.message}`}>
                    <a
                      href={`#${item.target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(item.target)?.focus();
                      }}
                    >
                      {t('labelled', { label: item.label, value: item.message })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
