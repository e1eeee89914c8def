// Opening a file the user chooses, given by the shell: in the desktop app an open dialog in the main
// process, which reads the file itself (the page cannot open a chooser without a click of its own,
// e.g. from the application menu). Browser mode and the CLI have none.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilePort {
  /** Asks for one file and reads it as text for import; null when the user cancelled. */
  open(filters: FileFilter[]): Promise<{ name: string; content: string } | null>;
}
