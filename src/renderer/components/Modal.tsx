// An accessible modal dialog on the native <dialog> element: focus moves in and is kept there,
// Esc closes, the page behind is inert, and no style is injected (the CSP forbids inline styles,
// which rules out dialog libraries that add <style> tags).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Modal({
  open,
  onOpenChange,
  title,
  description,
  children,
  wide,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal--wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => open && onOpenChange(false)}
    >
      {open ? (
        <>
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="modal__description">
              {description}
            </p>
          ) : null}
          {children}
          <button
            type="button"
            className="modal__close button button--ghost"
            aria-label={t('close')}
            onClick={() => onOpenChange(false)}
          >
            ×
          </button>
        </>
      ) : null}
    </dialog>
  );
}
