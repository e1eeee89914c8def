// The desktop app's file dialogs, opened by the main process: File → Import… opens the chosen file
// there (the page cannot open a chooser without a click of its own) and hands the page its text a piece
// at a time, never whole; saving writes the chosen file whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseAndWrite, openDialogPort, saveDialogPort } from '../../src/main/electron/file-dialogs';
import { filesHandlers } from '../../src/main/files/service';
import { MAX_IMPORT_BYTES } from '../../src/main/transfer/text-file';
import { tempDir } from '../helpers/db';
import { createFakeElectron } from './fake-electron';

function setup() {
  const electron = createFakeElectron();
  const dialog = electron.module.dialog as never;
  // The files:* handlers as the desktop app builds them: the shell's dialogs as the services' ports.
  const handlers = filesHandlers(
    saveDialogPort(dialog, () => null),
    openDialogPort(dialog, () => null),
  );
  return { electron, handlers, dir: tempDir('trust-file-dialogs-') };
}

/** Half of a character outside the BMP, alone: a piece cut in the middle of an emoji. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One files:read, its refusal as a rejected promise (as the dispatcher gives it). */
const read = async (handlers: ReturnType<typeof setup>['handlers'], fileId: string) =>
  handlers['files:read']({ fileId });

/** Reads an opened file to its end through files:read, as the page does. */
async function readAll(handlers: ReturnType<typeof setup>['handlers'], fileId: string) {
  const pieces: string[] = [];
  for (;;) {
    const piece = await handlers['files:read']({ fileId });
    if (piece.text) pieces.push(piece.text);
    if (piece.done) return { pieces, bytesRead: piece.bytesRead };
  }
}

describe('files:open and files:read', () => {
  it('opens the chosen file and gives the page its name and size, never its path nor its whole text', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'workspace.json');
    // Over a megabyte of text with characters of two, three and four bytes, so that pieces end mid-way.
    const text = `{"format":"threshold-workspace/1","note":"${'élection 🗳️ ಮತ «\u00A0vote\u00A0» '.repeat(30_000)}"}`;
    fs.writeFileSync(file, text);
    electron.calls.openDialogAnswers.push(file);
    const filters = [{ name: 'Workspace', extensions: ['json', 'csv'] }];
    const reply = await handlers['files:open']({ filters });
    expect(reply).toEqual({
      opened: true,
      name: 'workspace.json',
      size: Buffer.byteLength(text),
      fileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(reply)).not.toContain(dir);
    expect(electron.calls.fileDialogs).toEqual([
      { kind: 'open', options: { properties: ['openFile'], filters } },
    ]);
    // Read a piece at a time: no answer holds the file whole, and together they are the file exactly.
    const fileId = (reply as { fileId: string }).fileId;
    const { pieces, bytesRead } = await readAll(handlers, fileId);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThan(text.length / 3);
      expect(piece).not.toMatch(LONE_SURROGATE);
    }
    expect(pieces.join('')).toBe(text);
    expect(bytesRead).toBe(Buffer.byteLength(text));
    // Read to its end, it is closed.
    await expect(read(handlers, fileId)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('answers "not opened" when the official cancels', async () => {
    const { electron, handlers } = setup();
    electron.calls.openDialogAnswers.push(null);
    expect(await handlers['files:open']({ filters: [] })).toEqual({ opened: false });
  });

  it('refuses a file that is not UTF-8 where it is read, saying where, and closes it', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]));
    electron.calls.openDialogAnswers.push(file);
    const opened = (await handlers['files:open']({ filters: [] })) as { fileId: string };
    await expect(read(handlers, opened.fileId)).rejects.toMatchObject({
      code: 'import-invalid',
      message: expect.stringMatching(/not UTF-8.*byte offset 3 \(line 2\)/),
    });
    await expect(read(handlers, opened.fileId)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses a file over the import limit before reading any of it', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'huge.json');
    // A sparse file: over the limit in size, nothing on disk.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
    electron.calls.openDialogAnswers.push(file);
    await expect((async () => handlers['files:open']({ filters: [] }))()).rejects.toMatchObject({
      code: 'import-invalid',
      message: expect.stringMatching(/huge\.json is 200\.0 MB; Threshold imports files of up to 200\.0 MB/),
    });
  });

  it('closes a file on files:close (an import cancelled), and when another is opened', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'id,title\n');
    electron.calls.openDialogAnswers.push(file, file);
    const first = (await handlers['files:open']({ filters: [] })) as { fileId: string };
    expect(await handlers['files:close']({ fileId: first.fileId })).toEqual({ closed: true });
    expect(await handlers['files:close']({ fileId: first.fileId })).toEqual({ closed: false });
    await expect(read(handlers, first.fileId)).rejects.toMatchObject({ code: 'not-found' });
    const second = (await handlers['files:open']({ filters: [] })) as { fileId: string };
    electron.calls.openDialogAnswers.push(file);
    const third = (await handlers['files:open']({ filters: [] })) as { fileId: string };
    await expect(read(handlers, second.fileId)).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await readAll(handlers, third.fileId)).pieces.join('')).toBe('id,title\n');
  });
});

describe('files:save and chooseAndWrite', () => {
  it('writes the content under the chosen name, text or bytes, and nothing when cancelled', async () => {
    const { electron, handlers, dir } = setup();
    const target = path.join(dir, 'export.json');
    electron.calls.saveDialogAnswers.push(target);
    expect(
      await handlers['files:save']({
        suggestedName: '../x/export.json',
        content: '{"a":1}',
        encoding: 'utf8',
      }),
    ).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":1}');
    // The suggestion is a bare name: the page cannot point the dialog at another folder.
    expect(electron.calls.fileDialogs[0]).toMatchObject({ options: { defaultPath: 'export.json' } });

    const docx = path.join(dir, 'statement.docx');
    electron.calls.saveDialogAnswers.push(docx);
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]);
    expect(await chooseAndWrite(electron.module.dialog as never, () => null, 'statement.docx', bytes)).toBe(
      docx,
    );
    expect(fs.readFileSync(docx).equals(bytes)).toBe(true);

    electron.calls.saveDialogAnswers.push(null);
    expect(await handlers['files:save']({ suggestedName: 'x.csv', content: 'a', encoding: 'utf8' })).toEqual({
      saved: false,
      path: null,
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['export.json', 'statement.docx']);
  });
});
