// The desktop app's save dialog: the port through which exports and drafts are written to disk.
import { dialog, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { SaveFilePort } from '../files/save-port';

export function saveDialogPort(parent: () => BrowserWindow | null): SaveFilePort {
  return {
    kind: 'dialog',
    async save({ suggestedName, bytes }) {
      const win = parent();
      const options = { defaultPath: path.basename(suggestedName) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false, path: null };
      // Write beside, then rename: a crash mid-write never leaves half a file under the chosen name.
      const temp = `${result.filePath}.partial`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, result.filePath);
      return { saved: true, path: result.filePath };
    },
  };
}
