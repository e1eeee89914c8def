// A text input or a multi-line text area inside a Field.
import type { HTMLInputTypeAttribute, Ref } from 'react';
import { Field, type FieldFrame } from './Field';

export interface TextFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  type?: HTMLInputTypeAttribute;
  /** Rows of a multi-line field; a single line when absent. */
  rows?: number;
  lang?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search';
  placeholder?: string;
  maxLength?: number;
  disabled?: boolean;
  readOnly?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

export function TextField({
  value,
  onChange,
  type = 'text',
  rows,
  lang,
  autoComplete,
  inputMode,
  placeholder,
  maxLength,
  disabled,
  readOnly,
  testId,
  inputRef,
  ...frame
}: TextFieldProps) {
  return (
    <Field {...frame}>
      {(control) => {
        const common = {
          ...control,
          ref: inputRef,
          lang,
          value,
          placeholder,
          maxLength,
          disabled,
          readOnly,
          'data-testid': testId,
        };
        return rows ? (
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type={type}
            autoComplete={autoComplete ?? 'off'}
            inputMode={inputMode}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}
