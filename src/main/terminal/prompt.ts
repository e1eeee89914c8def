// Questions on the terminal, asked synchronously (commands open the database synchronously):
// a hidden one for the database key, a visible one for confirmations. Only on a TTY; elsewhere
// the answer is null and the caller says what to set or pass instead.
import fs from 'node:fs';

function readLineSync(hidden: boolean): string | null {
  const stdin = process.stdin;
  const wasRaw = stdin.isRaw;
  if (hidden) stdin.setRawMode(true);
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  try {
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(0, one, 0, 1, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
        throw err;
      }
      if (n === 0) return bytes.length ? Buffer.from(bytes).toString('utf8') : null;
      const c = one.readUInt8(0);
      if (c === 0x0d || c === 0x0a) break;
      if (hidden && (c === 0x03 || c === 0x04)) return null; // Ctrl-C, Ctrl-D
      if (hidden && (c === 0x7f || c === 0x08)) {
        // Backspace: drop the last character (all bytes of a multi-byte one).
        while (((bytes.at(-1) ?? 0) & 0xc0) === 0x80) bytes.pop();
        bytes.pop();
        continue;
      }
      bytes.push(c);
    }
  } finally {
    if (hidden) {
      stdin.setRawMode(wasRaw);
      process.stderr.write('\n');
    }
    stdin.pause();
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Asks for a secret without echoing it. Null when not on a terminal or cancelled. */
export function promptSecretSync(question: string): string | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  process.stderr.write(question);
  return readLineSync(true);
}

/** Asks a yes/no question; true only for an explicit yes. Null when not on a terminal. */
export function confirmSync(question: string): boolean | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  process.stderr.write(`${question} [y/N] `);
  const answer = readLineSync(false);
  return answer !== null && /^\s*(y|yes|o|oui)\s*$/i.test(answer);
}
