// A number typed as text (so that a half-typed "1." or an empty box is kept as typed), given to the caller
// as a number: NaN while the box is empty or not a number, which the validation then names.
import { useState } from 'react';
import { Field, type FieldFrame } from './Field';

export function NumberField({
  value,
  onChange,
  min,
  max,
  step = 'any',
  testId,
  ...frame
}: FieldFrame & {
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  testId?: string;
}) {
  const [text, setText] = useState(String(value));
  // A value changed from outside (a loaded version, a reset) replaces the text; typing keeps it.
  const shown =
    Number(text) === value && text.trim() !== '' ? text : Number.isFinite(value) ? String(value) : text;
  return (
    <Field {...frame}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={shown}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
          }}
        />
      )}
    </Field>
  );
}
