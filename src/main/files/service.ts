// The files handlers: the page hands the shell a file it made (an export, a chart) to save where the
// user says, or asks the shell for a file the user chooses. Without a dialog (browser mode, the CLI)
// the answer is `unsupported`: the page, which has the content, downloads it itself, and chooses files
// to open with its own chooser. A file opened is read a piece at a time (files:read), never whole; one is
// open at a time (opening another closes it).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { filesContract } from '../../shared/ipc/files.contract';
import type { OpenFilePort, TextPieces } from './open-port';
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
  let opened: { id: string; pieces: TextPieces } | null = null;
  return {
    'files:save': ({ suggestedName, content, encoding }) => {
      if (port?.kind !== 'dialog')
        throw new AppError('unsupported', { id: 'files/saving-through-dialog-needs' });
      const extension = /\.[a-z0-9]+$/i.exec(suggestedName)?.[0].toLowerCase() ?? '';
      return port.save({
        suggestedName,
        bytes: Buffer.from(content, encoding),
        mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
      });
    },
    'files:open': async ({ filters }) => {
      if (!openPort) throw new AppError('unsupported', { id: 'files/opening-through-dialog-needs' });
      const chosen = await openPort.open(filters);
      if (!chosen) return { opened: false };
      opened?.pieces.close();
      opened = { id: randomUUID(), pieces: chosen.pieces };
      // The page gets the name, the size and an id, never the path on disk nor the whole text.
      return { opened: true, name: chosen.name, size: chosen.pieces.size, fileId: opened.id };
    },
    'files:read': ({ fileId }) => {
      if (opened?.id !== fileId) throw new AppError('not-found', { id: 'files/file-no-longer-open' });
      const { pieces } = opened;
      let text: string | null;
      try {
        text = pieces.next();
      } catch (err) {
        opened = null; // the reader has closed the file
        throw err;
      }
      if (text === null) opened = null;
      return { text: text ?? '', bytesRead: pieces.bytesRead, done: text === null };
    },
    'files:close': ({ fileId }) => {
      if (opened?.id !== fileId) return { closed: false };
      opened.pieces.close();
      opened = null;
      return { closed: true };
    },
  };
}
