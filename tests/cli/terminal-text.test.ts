// The terminal shows text, never commands: threats imported from anyone's file may hold escape
// sequences (colours, window titles, cursor moves that overwrite earlier output), C1 controls and bidi
// overrides. Everything the CLI prints shows them as visible text (^[ for ESC, <U+202E> for an
// override); JSON output stays exact (\u escapes read back as the same characters); a CSV export to a
// pipe or a file stays exact, and is made visible on a terminal.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { escapeJsonText, visibleLine, visibleText } from '../../src/cli/terminal-text';
import { openTestApp, tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { election, threat } from '../fixtures/mini-workspace';

const ESC = '\u001b';
const HOSTILE = {
  title: `${ESC}[31mRED${ESC}[0m ${ESC}]0;TERMTITLE\u0007`,
  summary: `${ESC}[2A${ESC}[2Kfake line\r\u009b31m C1 \u202eevil\u202c`,
  source: `Source${ESC}[1m\u2066`,
  fact: `erased\u0008\u0008\u0008\u007f`,
};

/** What a terminal would act on: C0 but LF and TAB, DEL, C1, bidi controls and marks, U+2028/9. */
const ACTIONABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this is for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

async function cli(argv: string[], cwd: string, outIsTerminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: cliEnv(), cwd, outIsTerminal };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function hostileDb() {
  const dir = tempDir();
  const db = path.join(dir, 't.db');
  // Set up (an administrator, whom the CLI signs in as: cliEnv).
  (await openTestApp({ file: db })).close();
  const t = threat('T-1', {
    title: HOSTILE.title,
    summary: HOSTILE.summary,
    source: { actor: 'foreign-proxy', confidence: 'moderate', name: HOSTILE.source },
    facts: [HOSTILE.fact],
    falseClaim: '\u2028claim',
  });
  fs.writeFileSync(
    path.join(dir, 'ws.json'),
    JSON.stringify({
      format: 'threshold-workspace/1',
      elections: [{ ...election, name: `E${ESC}[5m` }],
      threats: [t],
    }),
  );
  expect((await cli(['--db', db, 'import', 'ws.json'], dir)).code).toBe(0);
  return { dir, db, t };
}

describe('what the CLI prints', () => {
  it('shows escape sequences, C1 controls and bidi overrides as visible text, in every command', async () => {
    const { dir, db } = await hostileDb();
    for (const argv of [
      ['list'],
      ['show', 'T-1'],
      ['assess', 'T-1'],
      ['list', '--search', 'RED'],
      ['show', `T-1${ESC}[2J`],
    ]) {
      const r = await cli(['--db', db, ...argv], dir);
      for (const [stream, text] of [
        ['stdout', r.out],
        ['stderr', r.err],
      ] as const)
        expect(
          ACTIONABLE.test(text),
          `${argv.join(' ')} ${stream}: ${JSON.stringify(text).slice(0, 300)}`,
        ).toBe(false);
    }
    const list = await cli(['--db', db, 'list'], dir);
    expect(list.out).toContain('^[[31mRED^[[0m ^[]0;TERMTITLE^G');
    const show = await cli(['--db', db, 'show', 'T-1'], dir);
    expect(show.out).toContain('^[[2A^[[2Kfake line^M<U+009B>31m C1 <U+202E>evil<U+202C>');
    expect(show.out).toContain('Source^[[1m<U+2066>');
    expect(show.out).toContain('erased^H^H^H^?');
    const missing = await cli(['--db', db, 'show', `T-1${ESC}[2J`], dir);
    expect(missing.err).toContain('T-1^[[2J');
  });

  it('keeps JSON exact: the same values read back, with nothing a terminal could act on', async () => {
    const { dir, db, t } = await hostileDb();
    const r = await cli(['--db', db, 'show', 'T-1', '--json'], dir);
    expect(ACTIONABLE.test(r.out)).toBe(false);
    expect(JSON.parse(r.out)).toEqual(t);
    const list = await cli(['--db', db, 'list', '--json'], dir);
    expect(ACTIONABLE.test(list.out)).toBe(false);
    expect((JSON.parse(list.out) as { title: string }[])[0]?.title).toBe(HOSTILE.title);
    const exported = await cli(['--db', db, 'export', '--format', 'json'], dir);
    expect(ACTIONABLE.test(exported.out)).toBe(false);
    expect((JSON.parse(exported.out) as { threats: unknown[] }).threats[0]).toEqual(t);
  });

  it('writes a CSV export exactly to a pipe or a file, and visibly to a terminal', async () => {
    const { dir, db } = await hostileDb();
    const piped = await cli(['--db', db, 'export', '--format', 'csv'], dir, false);
    expect(piped.out).toContain(HOSTILE.title);
    const shown = await cli(['--db', db, 'export', '--format', 'csv'], dir, true);
    expect(ACTIONABLE.test(shown.out)).toBe(false);
    expect(shown.out).toContain('^[[31mRED');
  });
});

describe('terminal text', () => {
  it('shows every control in caret notation or as a code point, and keeps the output its own line breaks', () => {
    expect(visibleText(`a${ESC}b\u0000\r\n\tc\u007f\u0085\u200f`)).toBe('a^[b^@^M\n\tc^?<U+0085><U+200F>');
    expect(visibleLine('one\ntwo\tthree')).toBe('one^Jtwo^Ithree');
    expect(visibleText('Élection — 選挙 😀')).toBe('Élection — 選挙 😀');
  });

  it('escapes JSON text without changing what it reads back as', () => {
    const value = { a: `x${ESC}y\u009b\u202e\u2028`, b: ['\u0007'] };
    const text = escapeJsonText(JSON.stringify(value, null, 2));
    expect(ACTIONABLE.test(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(value);
  });
});
