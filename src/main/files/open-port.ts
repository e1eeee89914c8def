// Opening a file the user chooses, given by the shell: in the desktop app an open dialog in the main
// process, which reads the file itself (the page cannot open a chooser without a click of its own,
// e.g. from the application menu). Browser mode and the CLI have none.

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** A chosen file's text, read a piece at a time (transfer/text-file.ts: ImportTextReader). */
export interface TextPieces {
  /** The file's size in bytes. */
  readonly size: number;
  /** Bytes read as text so far. */
  readonly bytesRead: number;
  /** The next piece, or null at the end (the file is then closed). */
  next(): string | null;
  close(): void;
}

export interface OpenFilePort {
  /** Asks for one file and opens it for reading as text, a piece at a time, within the import limits;
   *  null when the user cancelled. */
  open(filters: FileFilter[]): Promise<{ name: string; pieces: TextPieces } | null>;
}
