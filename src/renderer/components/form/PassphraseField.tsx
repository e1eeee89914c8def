// A passphrase typed to prove who one is (sign in, unlock, a fresh signature). New passphrases, with their
// strength meter and confirmation, are NewPassphraseFields.
import type { Ref } from 'react';
import { Field, type FieldFrame } from './Field';

export interface PassphraseFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
  inputClassName?: string;
}

export function PassphraseField({
  value,
  onChange,
  inputRef,
  inputClassName,
  ...frame
}: PassphraseFieldProps) {
  return (
    <Field {...frame}>
      {(control) => (
        <input
          ref={inputRef}
          {...control}
          type="password"
          autoComplete="current-password"
          className={inputClassName}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
