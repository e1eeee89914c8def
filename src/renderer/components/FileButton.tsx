// A button that asks for a file. The file input behind it is `hidden`: out of the page and of the
// accessibility tree, so that screen readers meet one "Import…" button, not two. It still carries the
// button's name, for checkers that read the markup rather than the tree.
import { useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';

export interface FileButtonHandle {
  /** Opens the file chooser (e.g. from a menu command). */
  open(): void;
}

/** A chooser of one's own (the desktop app's, opened by the main process), which also takes the file
 *  from there (read in main a piece at a time, never sent whole). */
export type Chooser = () => Promise<void>;

export function FileButton({
  accept,
  onFile,
  children,
  className = 'button',
  testId,
  label,
  ref,
  chooser,
}: {
  accept: string;
  onFile(file: File): void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** The name of the input behind the button (the button's text). */
  label?: string;
  ref?: Ref<FileButtonHandle>;
  /** When given, used instead of the page's own chooser (which needs a click to open). */
  chooser?: Chooser;
}) {
  const input = useRef<HTMLInputElement>(null);
  const open = () => {
    if (!chooser) return input.current?.click();
    void chooser();
  };
  useImperativeHandle(ref, () => ({ open }));
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={label ?? (typeof children === 'string' ? children : undefined)}
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className={className} onClick={open}>
        {children}
      </button>
    </>
  );
}
