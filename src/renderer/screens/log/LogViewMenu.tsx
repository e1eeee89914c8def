// "Columns and density": which columns the log shows (the title always), and how tightly rows are set.
// A named dialog that opens from a button (Esc closes it and the focus goes back to the button).
import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_COLUMNS } from './log-columns';
import { DEFAULT_PREFS, type Density, type LogPrefs } from './log-prefs';

export function LogViewMenu({
  prefs,
  onChange,
}: {
  prefs: LogPrefs;
  onChange(change: (p: LogPrefs) => LogPrefs): void;
}) {
  const { t } = useTranslation('log');
  const id = useId();
  const toggle = (column: string, on: boolean) =>
    onChange((p) => ({
      ...p,
      // Shown columns keep the order of the list.
      columns: LOG_COLUMNS.map((c) => c.id).filter((c) => (c === column ? on : p.columns.includes(c))),
    }));
  return (
    <Popover.Root>
      <Popover.Trigger className="filter-menu__trigger" data-testid="log-view">
        {t('view.button')}
        <span aria-hidden="true"> ▾</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="filter-menu__panel log-view"
          align="end"
          sideOffset={4}
          aria-labelledby={`${id}-title`}
        >
          <h2 id={`${id}-title`} className="log-view__title">
            {t('view.title')}
          </h2>
          <fieldset className="filter-menu__fieldset">
            <legend>{t('view.density')}</legend>
            {(['comfortable', 'compact'] as Density[]).map((d) => (
              <label key={d} className="filter-menu__option">
                <input
                  type="radio"
                  name={`${id}-density`}
                  checked={prefs.density === d}
                  onChange={() => onChange((p) => ({ ...p, density: d }))}
                />
                {t(`view.${d}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="filter-menu__fieldset">
            <legend>{t('view.columns')}</legend>
            {LOG_COLUMNS.map((c) => (
              <label key={c.id} className="filter-menu__option">
                <input
                  type="checkbox"
                  checked={c.fixed || prefs.columns.includes(c.id)}
                  disabled={c.fixed}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {t(`columns.${c.id}`)}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button button--link" onClick={() => onChange(() => DEFAULT_PREFS)}>
            {t('view.reset')}
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
