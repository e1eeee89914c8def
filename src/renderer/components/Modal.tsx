// An accessible dialog (focus trapped, Esc closes, title announced).
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Modal({ open, onOpenChange, title, description, children, wide }: { open: boolean; onOpenChange(open: boolean): void; title: ReactNode; description?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal__overlay" />
        <Dialog.Content className={`modal${wide ? ' modal--wide' : ''}`} aria-describedby={description ? undefined : undefined}>
          <Dialog.Title className="modal__title">{title}</Dialog.Title>
          {description ? <Dialog.Description className="modal__description">{description}</Dialog.Description> : <Dialog.Description className="visually-hidden">{title}</Dialog.Description>}
          {children}
          <Dialog.Close className="modal__close button button--ghost" aria-label={t('close')}>
            ×
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
