// Several values picked from a labelled list (channels, languages), with a box for values the list does not
// know. The values stay codes ("x", "fr"); people see and pick their labels.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from './SelectField';

/** Splits "a, b; c" into trimmed, non-empty values. */
export const splitCodes = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function PickList({
  legend,
  hint,
  options,
  value,
  onChange,
  otherLabel,
  error,
  id: givenId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option[];
  value: readonly string[];
  onChange(value: string[]): void;
  /** Label of the box for values not in the list. */
  otherLabel: string;
  error?: string | undefined;
  id?: string;
}) {
  const { t } = useTranslation();
  const made = useId();
  const base = givenId ?? made;
  const known = new Set(options.map((o) => o.value));
  const others = value.filter((v) => !known.has(v));
  // What is being typed stays as typed ("a, "); a change from outside replaces it.
  const [typed, setTyped] = useState(others.join(', '));
  const otherText = splitCodes(typed).join('\n') === others.join('\n') ? typed : others.join(', ');
  const describedBy = [hint ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ');
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== code), code] : value.filter((v) => v !== code));
  return (
    <fieldset
      className={`checkbox-group pick-list${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <div id={`${base}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      <div className="pick-list__options">
        {options.map((o, i) => (
          <label key={o.value}>
            <input
              type="checkbox"
              id={i === 0 ? base : undefined}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <label className="pick-list__other">
        <span>{otherLabel}</span>
        <input
          type="text"
          value={otherText}
          autoComplete="off"
          aria-describedby={`${base}-other-hint`}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange([...value.filter((v) => known.has(v)), ...splitCodes(e.target.value)]);
          }}
        />
        <span id={`${base}-other-hint`} className="visually-hidden">
          {t('commaList')}
        </span>
      </label>
      {error ? (
        <div id={`${base}-error`} className="field__error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
