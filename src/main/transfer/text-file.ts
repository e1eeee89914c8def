// Reading a file to import: refused over a documented size (before reading it), and read as strict
// UTF-8, so that a byte that is not text is reported where it is instead of silently turning into
// U+FFFD and being imported as if it were what the file said.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** The largest file Threshold imports: the IPC contract's limit for `workspace:import`. Imports are
 *  streamed, so memory does not grow with the file (`npm run bench`: importPeakMB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The offset of the first byte that is not part of well-formed UTF-8, or -1 (RFC 3629: no overlong
 *  forms, no surrogates, nothing above U+10FFFF). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Refuses a file over the limit before anything of it is read. Returns its size in bytes. */
export function assertImportSize(file: string, max = MAX_IMPORT_BYTES): number {
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  if (size > max) {
    throw new AppError(
      'import-invalid',
      { id: 'transfer/threshold-imports-files-up', params: { name, mb: mb(size), mb2: mb(max) } },
      [{ where: name, message: `${size} bytes, over the limit of ${max} bytes` }],
    );
  }
  return size;
}

/** `at` is the bad byte's place in `bytes`, which start at `start` in the file. */
function notUtf8(name: string, bytes: Uint8Array, at: number, line: number, start = 0): AppError {
  const offset = start + at;
  const hex = Buffer.from(bytes.subarray(at, at + 4))
    .toString('hex')
    .replace(/(..)/g, '0x$1 ')
    .trim();
  return new AppError(
    'import-invalid',
    { id: 'transfer/not-utf-8-text', params: { name, hex, offset, line } },
    [{ where: `byte offset ${offset} (line ${line})`, message: `invalid UTF-8 (${hex})` }],
  );
}

/** Reads `file` as UTF-8 text for import, or throws an AppError saying what is wrong and where. */
export function readImportText(file: string, opts: { maxBytes?: number } = {}): string {
  assertImportSize(file, opts.maxBytes);
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (const byte of bytes.subarray(0, Math.max(0, offset))) if (byte === 0x0a) line++;
    throw notUtf8(path.basename(file), bytes, offset, line);
  }
}

/** How many bytes at the end of `buf` begin a UTF-8 sequence that the next piece completes. */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * A file read as strict UTF-8 text in pieces of about `pieceBytes` (never splitting a character), so that
 * a file of any size is never held whole. Refused over the limit when it is opened, before anything of it
 * is read; a byte that is not text is reported with its exact offset and line, as readImportText does.
 */
export class ImportTextReader {
  /** The file's size in bytes. */
  readonly size: number;
  /** Bytes handed over as text so far. */
  bytesRead = 0;
  private readonly name: string;
  private readonly pieceBytes: number;
  // Streaming, so that a U+FEFF that begins a later piece is kept as text: only the file's first is a BOM.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private fd: number | null;
  private carry: Uint8Array = new Uint8Array(0);
  private line = 1; // of the first byte not yet handed over

  constructor(file: string, opts: { maxBytes?: number; pieceBytes?: number } = {}) {
    this.size = assertImportSize(file, opts.maxBytes);
    this.name = path.basename(file);
    this.pieceBytes = opts.pieceBytes ?? 1024 * 1024;
    this.fd = fs.openSync(file, 'r');
  }

  /** The next piece of text, or null at the end of the file (which is then closed). Throws, closing the
   *  file, at a byte that is not UTF-8. */
  next(): string | null {
    for (;;) {
      if (this.fd === null) return null;
      const fresh = Buffer.allocUnsafe(this.pieceBytes);
      let read: number;
      try {
        read = fs.readSync(this.fd, fresh, 0, this.pieceBytes, null);
      } catch (err) {
        this.close();
        throw err;
      }
      const end = read === 0;
      const buf = Buffer.concat([this.carry, fresh.subarray(0, read)]);
      const keep = end ? 0 : incompleteTail(buf);
      const whole = buf.subarray(0, buf.length - keep);
      let text: string;
      try {
        text = this.decoder.decode(whole, { stream: !end });
      } catch {
        this.close();
        const at = firstInvalidUtf8(whole);
        const bad = at < 0 ? whole.length : at;
        let lineAt = this.line;
        for (const byte of whole.subarray(0, bad)) if (byte === 0x0a) lineAt++;
        throw notUtf8(this.name, whole, bad, lineAt, this.bytesRead);
      }
      for (const byte of whole) if (byte === 0x0a) this.line++;
      this.bytesRead += whole.length;
      this.carry = buf.subarray(buf.length - keep);
      if (end) this.close();
      if (text) return text;
    }
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** Reads `file` in pieces (ImportTextReader), handing each to `onText` with the bytes read so far. */
export async function streamImportText(
  file: string,
  onText: (text: string, bytesRead: number) => void | Promise<void>,
  opts: { maxBytes?: number; pieceBytes?: number } = {},
): Promise<void> {
  const reader = new ImportTextReader(file, opts);
  try {
    for (let text = reader.next(); text !== null; text = reader.next()) await onText(text, reader.bytesRead);
  } finally {
    reader.close();
  }
}
