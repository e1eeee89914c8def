// A drop-down list inside a Field; an empty first choice ("Choose…") when the field may be left unset.
import { Field, type FieldFrame } from './Field';

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

export interface SelectFieldProps<T extends string> extends FieldFrame {
  value: T | '';
  onChange(value: T | ''): void;
  options: readonly Option<T>[];
  /** Text of the empty first choice; none when absent. */
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

export function SelectField<T extends string>({
  value,
  onChange,
  options,
  placeholder,
  disabled,
  testId,
  ...frame
}: SelectFieldProps<T>) {
  return (
    <Field {...frame}>
      {(control) => (
        <select
          {...control}
          value={value}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value as T | '')}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
