// The desktop app's file dialogs, opened by the main process: File → Import… reads the chosen file
// there (the page cannot open a chooser without a click of its own) and hands the page its text;
// saving writes the chosen file whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseAndWrite, openDialogPort, saveDialogPort } from '../../src/main/electron/file-dialogs';
import { filesHandlers } from '../../src/main/files/service';
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

describe('files:open', () => {
  it('reads the chosen file as text and gives the page its name, never its path', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'workspace.json');
    fs.writeFileSync(file, '{"format":"threshold-workspace/1","note":"élection"}');
    electron.calls.openDialogAnswers.push(file);
    const filters = [{ name: 'Workspace', extensions: ['json', 'csv'] }];
    const reply = await handlers['files:open']({ filters });
    expect(reply).toEqual({
      opened: true,
      name: 'workspace.json',
      content: '{"format":"threshold-workspace/1","note":"élection"}',
    });
    expect(JSON.stringify(reply)).not.toContain(dir);
    expect(electron.calls.fileDialogs).toEqual([
      { kind: 'open', options: { properties: ['openFile'], filters } },
    ]);
  });

  it('answers "not opened" when the official cancels', async () => {
    const { electron, handlers } = setup();
    electron.calls.openDialogAnswers.push(null);
    expect(await handlers['files:open']({ filters: [] })).toEqual({ opened: false });
  });

  it('refuses a file that is not UTF-8, saying where', async () => {
    const { electron, handlers, dir } = setup();
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]));
    electron.calls.openDialogAnswers.push(file);
    await expect(handlers['files:open']({ filters: [] })).rejects.toMatchObject({
      code: 'import-invalid',
      message: expect.stringMatching(/not UTF-8.*byte offset 3 \(line 2\)/),
    });
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
