// Saving a file where the user says, given by the shell: in the desktop app a save dialog in the main
// process, which writes the file itself; in browser mode a download this run's server offers the page.
// Services write through it, so that what main makes (a Word document) goes from main to disk directly.
import type { SavedFile } from '../../shared/domain/files';

export interface FileToSave {
  suggestedName: string;
  bytes: Uint8Array;
  mimeType: string;
}

export interface SaveFilePort {
  /** 'dialog': asks where and writes the file; 'download': the browser saves what the page fetches. */
  readonly kind: 'dialog' | 'download';
  save(file: FileToSave): Promise<SavedFile>;
}
