// Importing a chosen file in pieces (workspace:importBegin / importChunk / importEnd): the file is read
// as strict UTF-8 a piece at a time, so that neither the page nor the main process ever holds it whole,
// and each piece is answered with how far the import is. A cancel (the AbortSignal) rolls it back: the
// main process keeps nothing of the file.
import type { ImportProgress, ImportReport } from '../shared/domain/transfer';
import { api, call } from './api/bridge';

/** About this much text per piece (the contract allows 16 MB): small enough that the main process,
 *  which writes each piece's threats before it answers, is never busy for long at a time. */
const PIECE_CHARS = 256 * 1024;

export interface StreamProgress extends ImportProgress {
  /** The file's size in bytes. */
  total: number;
}

export class NotUtf8Error extends Error {}

export async function streamImport(
  file: File,
  opts: { onProgress(p: StreamProgress): void; signal: AbortSignal },
): Promise<ImportReport> {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  const { importId } = await call(api.workspace.importBegin({ format, fileName: file.name }));
  const total = file.size;
  opts.onProgress({ bytes: 0, elections: 0, threats: 0, total });
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const reader = file.stream().getReader();
    let text = '';
    const send = async () => {
      if (opts.signal.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      const progress = await call(api.workspace.importChunk({ importId, text }));
      text = '';
      opts.onProgress({ ...progress, total });
    };
    for (;;) {
      const { done, value } = await reader.read();
      try {
        text += done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        throw new NotUtf8Error(file.name);
      }
      if (text.length >= PIECE_CHARS || (done && text.length > 0)) await send();
      if (done) break;
    }
    if (opts.signal.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
    return await call(api.workspace.importEnd({ importId }));
  } catch (err) {
    // Whatever stopped it, nothing of the file stays (an import already ended answers "not cancelled").
    await api.workspace.importCancel({ importId });
    throw err;
  }
}
