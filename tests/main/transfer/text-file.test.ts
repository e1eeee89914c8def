// A file read as text a piece at a time (the CLI's import, the desktop app's files:read): whatever the
// size of the pieces, their text joined is the file's text, exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportTextReader, streamImportText } from '../../../src/main/transfer/text-file';
import { tempDir } from '../../helpers/db';

const write = (name: string, data: string | Buffer): string => {
  const file = path.join(tempDir('text-file-'), name);
  fs.writeFileSync(file, data);
  return file;
};

/** Half of a character outside the BMP, alone: a piece cut in the middle of an emoji. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function pieces(file: string, pieceBytes: number): Promise<string[]> {
  const out: string[] = [];
  await streamImportText(file, (text) => void out.push(text), { pieceBytes });
  return out;
}

describe('reading a file as text in pieces', () => {
  const text = 'élection 🗳️ «\u00A0vote\u00A0» ಮತ ✓\n'.repeat(40);

  it('joins to the file exactly, whatever the piece size, never cutting a character', async () => {
    const file = write('text.csv', text);
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      const got = await pieces(file, size);
      expect(got.join(''), `pieces of ${size} bytes`).toBe(text);
      // No piece begins or ends with half of a character (a lone surrogate).
      for (const piece of got) expect(piece, `pieces of ${size} bytes`).not.toMatch(LONE_SURROGATE);
    }
  });

  it('keeps a U+FEFF that begins a later piece: only the first character of the file is a byte-order mark', async () => {
    // Three bytes of text, then U+FEFF (3 bytes in UTF-8) at the start of the second 3-byte piece.
    const file = write('feff.json', '\uFEFF"a"\uFEFF"b"');
    const got = await pieces(file, 3);
    expect(got.join('')).toBe('"a"\uFEFF"b"');
  });

  it('says the byte offset and line of a byte that is not UTF-8, in a later piece', async () => {
    const file = write('latin1.csv', Buffer.concat([Buffer.from('ab\ncd\nef'), Buffer.from([0xe9, 0x0a])]));
    await expect(pieces(file, 2)).rejects.toMatchObject({
      code: 'import-invalid',
      message: expect.stringMatching(/not UTF-8.*0xe9 0x0a at byte offset 8 \(line 3\)/),
    });
  });

  it('counts the bytes read, and reads nothing more after the end', () => {
    const file = write('count.json', text);
    const reader = new ImportTextReader(file, { pieceBytes: 100 });
    expect(reader.size).toBe(Buffer.byteLength(text));
    let joined = '';
    for (let piece = reader.next(); piece !== null; piece = reader.next()) {
      joined += piece;
      expect(reader.bytesRead).toBe(Buffer.byteLength(joined));
    }
    expect(joined).toBe(text);
    expect(reader.next()).toBeNull();
  });
});
