// The files handlers: the page hands the shell a file it made (an export, a chart) to save where the
// user says, or asks the shell for a file the user chooses. Without a dialog (browser mode, the CLI)
// the answer is `unsupported`: the page, which has the content, downloads it itself, and chooses files
// to open with its own chooser.
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { filesContract } from '../../shared/ipc/files.contract';
import type { OpenFilePort } from './open-port';
import type { SaveFilePort } from './save-port';

const MIME_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function filesHandlers(
  port: SaveFilePort | undefined,
  openPort?: OpenFilePort,
): HandlersOf<typeof filesContract> {
  return {
    'files:save': ({ suggestedName, content, encoding }) => {
      if (port?.kind !== 'dialog')
        throw new AppError(
          'unsupported',
          'Saving through a dialog needs the desktop app; the browser downloads the file instead.',
        );
      const extension = /\.[a-z0-9]+$/i.exec(suggestedName)?.[0].toLowerCase() ?? '';
      return port.save({
        suggestedName,
        bytes: Buffer.from(content, encoding),
        mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
      });
    },
    'files:open': async ({ filters }) => {
      if (!openPort)
        throw new AppError(
          'unsupported',
          'Opening through a dialog needs the desktop app; the browser chooses the file in the page instead.',
        );
      const chosen = await openPort.open(filters);
      // The page gets the name and the text, never the path on disk.
      return chosen ? { opened: true, name: chosen.name, content: chosen.content } : { opened: false };
    },
  };
}
