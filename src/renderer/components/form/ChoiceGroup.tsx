// A set of radio buttons under a legend, each with an optional short description beside it. A required
// group says so in words as well as with the asterisk, and its error is linked to the group.
import { useId, type ReactNode } from 'react';
import { RequiredMark } from './RequiredMark';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  description?: ReactNode;
}

export function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  onChange,
  choices,
  required,
  error,
  hint,
  stacked,
  id: givenId,
}: {
  legend: ReactNode;
  /** Radio name; one is made when absent. */
  name?: string;
  value: T | '';
  onChange(value: T): void;
  choices: readonly Choice<T>[];
  required?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  stacked?: boolean;
  /** Id of the first radio (for links from an error summary). */
  id?: string;
}) {
  const made = useId();
  const base = givenId ?? made;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`radio-group${stacked ? ' radio-group--stacked' : ''}${error ? ' field--invalid' : ''}`}
      role="radiogroup"
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
    >
      <legend>
        {legend}
        {required ? <RequiredMark spoken /> : null}
      </legend>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {choices.map((c, i) => {
        const descId = c.description ? `${base}-${c.value}-desc` : undefined;
        return (
          <div key={c.value} className="radio-group__choice">
            <label>
              <input
                type="radio"
                id={i === 0 ? base : undefined}
                name={name ?? base}
                value={c.value}
                checked={value === c.value}
                aria-describedby={descId}
                onChange={() => onChange(c.value)}
              />
              {c.label}
            </label>
            {c.description ? (
              <span id={descId} className="radio-group__description">
                {c.description}
              </span>
            ) : null}
          </div>
        );
      })}
      {error ? (
        <div id={errorId} className="field__error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
