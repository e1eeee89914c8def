// Files the app writes where the user says (a save dialog in the desktop app, a download in the
// browser), and files the user chooses to open.

/** Where a file went: saved at `path`, not saved (the dialog was cancelled), or, in browser mode,
 *  offered to the page at `download` (an address of this run's server that downloads it once). */
export interface SavedFile {
  saved: boolean;
  path: string | null;
  download?: string;
}

/** A file the user chose to open: its name (never its path), its size in bytes, and the id with which
 *  the page reads its text a piece at a time (files:read); or nothing, if cancelled. */
export type OpenedFile = { opened: false } | { opened: true; name: string; size: number; fileId: string };

/** The next piece of an opened file's text; `bytesRead` so far; `done` at the end (the file is closed). */
export interface FilePiece {
  text: string;
  bytesRead: number;
  done: boolean;
}
