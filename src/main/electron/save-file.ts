// The desktop app's save dialog for exports and drafts.
import { dialog, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

export function saveFileHandler(parent: () => BrowserWindow | null) {
  return async ({
    suggestedName,
    content,
    encoding,
  }: {
    suggestedName: string;
    content: string;
    encoding: 'utf8' | 'base64';
  }) => {
    const win = parent();
    const options = { defaultPath: path.basename(suggestedName) };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false, path: null };
    // Write beside, then rename: a crash mid-write never leaves half a file under the chosen name.
    const temp = `${result.filePath}.partial`;
    fs.writeFileSync(temp, Buffer.from(content, encoding));
    fs.renameSync(temp, result.filePath);
    return { saved: true, path: result.filePath };
  };
}
