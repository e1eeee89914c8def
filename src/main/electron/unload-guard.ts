// A page that cancels `beforeunload` (the threat form with unsaved changes) makes Electron cancel the
// close, the quit or the reload silently: Electron shows no prompt of its own. This asks instead.
import type { MessageBoxSyncOptions, WebContents } from 'electron';

export const LEAVE_DIALOG: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Threshold',
  buttons: ['Leave', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  message: 'Leave without saving?',
  detail: 'A form has changes that are not saved. If you leave now, they are lost.',
};

/** `ask` shows LEAVE_DIALOG and returns the button chosen; it must be synchronous, because the
 *  unload is decided when the event handler returns. */
export function guardUnload(contents: WebContents, ask: (options: MessageBoxSyncOptions) => number): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault here means "ignore the page's objection and unload".
    if (ask(LEAVE_DIALOG) === 0) event.preventDefault();
  });
}
