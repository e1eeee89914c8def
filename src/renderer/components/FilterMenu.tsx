// A filter button that opens a list of checkboxes (keyboard: Enter/Space opens, Tab moves, Esc closes).
import * as Popover from '@radix-ui/react-popover';
import { useTranslation } from 'react-i18next';

export interface FilterMenuProps<T extends string | number> {
  label: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[] | undefined;
  onChange(values: T[]): void;
}

export function FilterMenu<T extends string | number>({
  label,
  options,
  selected = [],
  onChange,
}: FilterMenuProps<T>) {
  const { t } = useTranslation('log');
  const count = selected.length;
  const toggle = (value: T) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <Popover.Root>
      <Popover.Trigger className={`filter-menu__trigger${count ? ' filter-menu__trigger--active' : ''}`}>
        {label}
        {count ? <span className="filter-menu__count">{count}</span> : null}
        <span aria-hidden="true"> ▾</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="filter-menu__panel" align="start" sideOffset={4} aria-label={label}>
          <fieldset className="filter-menu__fieldset">
            <legend className="visually-hidden">{label}</legend>
            {options.map((o) => (
              <label key={String(o.value)} className="filter-menu__option">
                <input
                  type="checkbox"
                  checked={selected.includes(o.value)}
                  onChange={() => toggle(o.value)}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
          {count ? (
            <button type="button" className="button button--link" onClick={() => onChange([])}>
              {t('filters.clearOne')}
            </button>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
