// Files the official chooses in the desktop app, through the operating system's dialogs opened by the
// main process (the page cannot open a file chooser without a click of its own, e.g. from the menu):
//   files:open  reads the chosen file as UTF-8 text (the import limits) and hands it to the page;
//   files:save  writes what the page sends under the chosen name.
// chooseAndWrite and chooseAndRead are for main-process code that writes or reads a file itself
// (a .docx straight from main to disk, say), without the content going through the page.
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { readImportText } from '../transfer/text-file';

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

/** Asks for one file and reads it as text for import (size limit, strict UTF-8); null when cancelled. */
export async function chooseAndRead(
  dialog: FileDialog,
  parent: ParentWindow,
  filters: FileFilter[] = [],
): Promise<{ name: string; path: string; content: string } | null> {
  const win = parent();
  const options = { properties: ['openFile' as const], filters };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const [file] = result.filePaths;
  if (result.canceled || !file) return null;
  return { name: path.basename(file), path: file, content: readImportText(file) };
}

/** The shell's handlers for the files:* channels. */
export function fileDialogHandlers(dialog: FileDialog, parent: ParentWindow) {
  return {
    'files:save': async (req: { suggestedName: string; content: string; encoding: 'utf8' | 'base64' }) => {
      const saved = await chooseAndWrite(
        dialog,
        parent,
        req.suggestedName,
        Buffer.from(req.content, req.encoding),
      );
      return { saved: saved !== null, path: saved };
    },
    'files:open': async (req: { filters: FileFilter[] }) => {
      const chosen = await chooseAndRead(dialog, parent, req.filters);
      // The page gets the name and the text, never the path on disk.
      return chosen
        ? { opened: true as const, name: chosen.name, content: chosen.content }
        : { opened: false as const };
    },
  };
}
