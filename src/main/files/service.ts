// The files handler: the page hands the shell a file it made (an export, a chart) to save where the
// user says. Without a dialog (browser mode, the CLI) the answer is `unsupported`, and the page, which
// has the content, downloads it itself.
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { filesContract } from '../../shared/ipc/files.contract';
import type { SaveFilePort } from './save-port';

const MIME_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function filesHandlers(port: SaveFilePort | undefined): HandlersOf<typeof filesContract> {
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
  };
}
