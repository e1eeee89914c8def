// The one labelled form control: its label, hint and error, wired for screen readers. The control itself is
// given by the caller (input, textarea, select …) and receives the ids and states to spread onto it.
import { useId, type ReactNode } from 'react';
import { RequiredMark } from './RequiredMark';

/** What a control needs from its field: spread it onto the input, textarea or select. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  /** A stable id for the control (for links from an error summary); one is made otherwise. */
  id?: string;
}

export function Field({
  label,
  hint,
  error,
  required,
  className,
  id: givenId,
  children,
}: FieldFrame & { children(control: ControlProps): ReactNode }) {
  const made = useId();
  const id = givenId ?? made;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {children(control)}
      {error ? (
        <div id={errorId} className="field__error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
