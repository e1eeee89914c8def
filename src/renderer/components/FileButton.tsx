// A button that asks for a file. The file input behind it is `hidden`: out of the page and of the
// accessibility tree, so that screen readers meet one "Import…" button, not two.
import { useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';

export interface FileButtonHandle {
  /** Opens the file chooser (e.g. from a menu command). */
  open(): void;
}

export function FileButton({
  accept,
  onFile,
  children,
  className = 'button',
  testId,
  ref,
}: {
  accept: string;
  onFile(file: File): void;
  children: ReactNode;
  className?: string;
  testId?: string;
  ref?: Ref<FileButtonHandle>;
}) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ open: () => input.current?.click() }), []);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {children}
      </button>
    </>
  );
}
