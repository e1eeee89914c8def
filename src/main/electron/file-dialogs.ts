// The desktop app's file ports: the operating system's dialogs, opened by the main process (the page
// cannot open a file chooser without a click of its own, e.g. from the application menu), which then
// reads or writes the file itself:
//   saveDialogPort  where exports and drafts are written (files:save, a .docx straight from main);
//   openDialogPort  opens the chosen file to be read as UTF-8 text, a piece at a time, within the import
//                   limits (files:open, files:read).
// `dialog` is injected, so that the harnesses can answer it.
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenFilePort } from '../files/open-port';
import type { SaveFilePort } from '../files/save-port';
import { ImportTextReader } from '../transfer/text-file';

/** The part of Electron's `dialog` these need (injected, so that harnesses can answer it). */
export type FileDialog = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
export type ParentWindow = () => BrowserWindow | null;

/** Asks where to save, then writes beside and renames: a crash mid-write never leaves half a file
 *  under the chosen name. The path written, or null when the official cancelled. */
export async function chooseAndWrite(
  dialog: FileDialog,
  parent: ParentWindow,
  suggestedName: string,
  data: Buffer | string,
  filters: FileFilter[] = [],
): Promise<string | null> {
  const win = parent();
  const options = { defaultPath: path.basename(suggestedName), filters };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  const temp = `${result.filePath}.partial`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, result.filePath);
  return result.filePath;
}

/** About this much of the file per files:read: each piece is imported before the next is asked for, so
 *  the main process is never busy for long at a time (as the browser's pieces, import-stream.ts). */
const PIECE_BYTES = 256 * 1024;

/** Asks for one file and opens it to be read as text for import, a piece at a time (size limit, strict
 *  UTF-8): never held whole, whatever its size. Null when cancelled. */
export async function chooseAndOpen(
  dialog: FileDialog,
  parent: ParentWindow,
  filters: FileFilter[] = [],
): Promise<{ name: string; path: string; pieces: ImportTextReader } | null> {
  const win = parent();
  const options = { properties: ['openFile' as const], filters };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const [file] = result.filePaths;
  if (result.canceled || !file) return null;
  return {
    name: path.basename(file),
    path: file,
    pieces: new ImportTextReader(file, { pieceBytes: PIECE_BYTES }),
  };
}

export function saveDialogPort(dialog: FileDialog, parent: ParentWindow): SaveFilePort {
  return {
    kind: 'dialog',
    async save({ suggestedName, bytes }) {
      const saved = await chooseAndWrite(dialog, parent, suggestedName, Buffer.from(bytes));
      return { saved: saved !== null, path: saved };
    },
  };
}

export function openDialogPort(dialog: FileDialog, parent: ParentWindow): OpenFilePort {
  return {
    async open(filters) {
      const chosen = await chooseAndOpen(dialog, parent, filters);
      return chosen ? { name: chosen.name, pieces: chosen.pieces } : null;
    },
  };
}
