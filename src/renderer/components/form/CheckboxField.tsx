// One checkbox with its label, and a hint that describes it.
import { useId, type ReactNode } from 'react';

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  testId,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  testId?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`checkbox-field${className ? ` ${className}` : ''}`}>
      <label className="toggle">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          data-testid={testId}
        />
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
