// Importing a chosen file in pieces (workspace:importBegin / importChunk / importEnd): the file is read
// as strict UTF-8 a piece at a time, so that neither the page nor the main process ever holds it whole,
// and each piece is answered with how far the import is. A cancel (the AbortSignal) rolls it back: the
// main process keeps nothing of the file. The pieces come from the page's own file chooser (browser
// mode) or from the file the main process opened with its dialog (desktop app: files:read).
import type { ImportProgress, ImportReport } from '../shared/domain/transfer';
import { api, call } from './api/bridge';

/** About this much text per piece (the contract allows 16 MB): small enough that the main process,
 *  which writes each piece's threats before it answers, is never busy for long at a time. */
const PIECE_CHARS = 256 * 1024;

export interface StreamProgress extends ImportProgress {
  /** The file's size in bytes. */
  total: number;
}

/** A file to import: its name, its size in bytes, and its text a piece at a time. */
export interface ImportSource {
  name: string;
  size: number;
  pieces(): AsyncIterable<string>;
  /** Stops reading early (the import failed or was cancelled). */
  close?(): Promise<void>;
}

export class NotUtf8Error extends Error {}

/** A file of the page's own chooser, read as strict UTF-8. */
export function fileSource(file: File): ImportSource {
  return {
    name: file.name,
    size: file.size,
    async *pieces() {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const reader = file.stream().getReader();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        try {
          text += done ? decoder.decode() : decoder.decode(value, { stream: true });
        } catch {
          throw new NotUtf8Error(file.name);
        }
        if (text.length >= PIECE_CHARS || (done && text.length > 0)) {
          yield text;
          text = '';
        }
        if (done) return;
      }
    },
  };
}

/** A file the desktop app's main process opened (files:open), read there a piece at a time. */
export function openedFileSource(opened: { name: string; size: number; fileId: string }): ImportSource {
  const { fileId } = opened;
  return {
    name: opened.name,
    size: opened.size,
    async *pieces() {
      for (;;) {
        const piece = await call(api.files.read({ fileId }));
        if (piece.text) yield piece.text;
        if (piece.done) return;
      }
    },
    async close() {
      await api.files.close({ fileId });
    },
  };
}

export async function streamImport(
  source: ImportSource,
  opts: { onProgress(p: StreamProgress): void; signal: AbortSignal },
): Promise<ImportReport> {
  const format = source.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  const { importId } = await call(api.workspace.importBegin({ format, fileName: source.name }));
  const total = source.size;
  const aborted = () => new DOMException('The import was cancelled.', 'AbortError');
  opts.onProgress({ bytes: 0, elections: 0, threats: 0, total });
  try {
    for await (const text of source.pieces()) {
      if (opts.signal.aborted) throw aborted();
      const progress = await call(api.workspace.importChunk({ importId, text }));
      opts.onProgress({ ...progress, total });
    }
    if (opts.signal.aborted) throw aborted();
    return await call(api.workspace.importEnd({ importId }));
  } catch (err) {
    // Whatever stopped it, nothing of the file stays (an import already ended answers "not cancelled").
    await api.workspace.importCancel({ importId });
    await source.close?.();
    throw err;
  }
}
