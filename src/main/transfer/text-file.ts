// Reading a file to import: refused over a documented size (before reading it), and read as strict
// UTF-8, so that a byte that is not text is reported where it is instead of silently turning into
// U+FFFD and being imported as if it were what the file said.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** The largest file Threshold imports: the IPC contract's limit for `workspace:import`. Importing a
 *  100 MB workspace peaks at about 0.8 GB of memory (tests/trust/bad-imports.test.ts measures it). */
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

/** Reads `file` as UTF-8 text for import, or throws an AppError saying what is wrong and where. */
export function readImportText(file: string, opts: { maxBytes?: number } = {}): string {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  if (size > max) {
    throw new AppError(
      'import-invalid',
      `${name} is ${mb(size)}; Threshold imports files of up to ${mb(max)}. Split it into ` +
        `smaller files (for example one election each) and import them one after another. ` +
        `Nothing was imported.`,
      [{ where: name, message: `${size} bytes, over the limit of ${max} bytes` }],
    );
  }
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, Math.max(0, offset));
    let line = 1;
    for (const byte of before) if (byte === 0x0a) line++;
    const hex = bytes
      .subarray(offset, offset + 4)
      .toString('hex')
      .replace(/(..)/g, '0x$1 ')
      .trim();
    throw new AppError(
      'import-invalid',
      `${name} is not UTF-8 text: the byte${hex.includes(' ') ? 's' : ''} ${hex} at byte ` +
        `offset ${offset} (line ${line}) cannot be read. Save the file as UTF-8 and import ` +
        `it again. Nothing was imported.`,
      [{ where: `byte offset ${offset} (line ${line})`, message: `invalid UTF-8 (${hex})` }],
    );
  }
}
