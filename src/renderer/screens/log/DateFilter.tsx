// A date filter written as the log writes dates (2027-05-12), with the pattern named in the interface
// language. The filter changes once the date is whole and real; while it is being typed, nothing is asked.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateString } from '../../../shared/domain/workspace';
import { normaliseDate } from '../../components/form/DateField';

export function DateFilter({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState(value ?? '');
  // Cleared or set from outside (e.g. "Clear filters", a chart on the dashboard): show that.
  const whole = (text: string) => text.trim() === '' || DateString.safeParse(text.trim()).success;
  const shown = whole(typed) ? (value ?? '') : typed;
  const invalid = !whole(shown);
  const commit = (text: string) => {
    if (text.trim() === '') onChange(undefined);
    else if (DateString.safeParse(text.trim()).success) onChange(text.trim());
  };
  return (
    <div className="compact-field date-filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={11}
        maxLength={10}
        placeholder={t('datePlaceholder')}
        aria-describedby={`${id}-hint`}
        aria-invalid={invalid || undefined}
        value={shown}
        data-testid={testId}
        onChange={(e) => {
          setTyped(e.target.value);
          commit(e.target.value);
        }}
        onBlur={(e) => {
          const date = normaliseDate(e.target.value);
          setTyped(date);
          commit(date);
        }}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {invalid ? t('validation:date') : t('dateFormat')}
      </span>
    </div>
  );
}
