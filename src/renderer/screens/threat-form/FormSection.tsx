// A titled group of the threat form's fields.
import type { ReactNode } from 'react';

export function FormSection({
  title,
  hint,
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {hint ? <p className="form-section__hint">{hint}</p> : null}
      <div className="form-section__body">{children}</div>
    </fieldset>
  );
}
