// A calendar date typed the way the interface writes dates (2027-05-12 in both languages, with the pattern
// named in the interface language: YYYY-MM-DD or AAAA-MM-JJ), rather than the browser's own date picker,
// which follows the operating system's locale instead of the interface's.
import { useTranslation } from 'react-i18next';
import { Field, type FieldFrame } from './Field';

/** "2027/5/12" or "2027.05.12" → "2027-05-12"; anything else is left as typed, for validation to name. */
export function normaliseDate(text: string): string {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return text.trim();
  const [, year = '', month = '', day = ''] = m;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function DateField({
  value,
  onChange,
  testId,
  hint,
  ...frame
}: FieldFrame & { value: string; onChange(value: string): void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Field {...frame} hint={hint ?? t('dateFormat')}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          size={11}
          maxLength={10}
          placeholder={t('datePlaceholder')}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => onChange(normaliseDate(e.target.value))}
        />
      )}
    </Field>
  );
}
