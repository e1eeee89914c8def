// `threshold import` streams the file: on a terminal a progress line (and only there), the same report
// as ever; Ctrl-C in a real process cancels and nothing is imported.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import type { Threat } from '../../src/shared/domain/workspace';
import { openTestApp, REPO_ROOT, tempDir } from '../helpers/db';
import { cliEnv, keyOf } from '../helpers/people';
import { threat, workspace } from '../fixtures/mini-workspace';

const many = (n: number): Threat[] =>
  Array.from({ length: n }, (_, i) =>
    threat(`C-${i}`, { summary: `${i} ${'Posts claim that ballots will not be counted. '.repeat(20)}` }),
  );

/** A set-up database (every database has an administrator; the CLI signs in as them: cliEnv). */
async function setUpDb(file: string): Promise<string> {
  (await openTestApp({ file })).close();
  return file;
}

async function cli(argv: string[], cwd: string, terminal: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: (string | null)[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: cliEnv(),
    cwd,
    ...(terminal ? { progress: (line: string | null) => progress.push(line) } : {}),
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}

describe('threshold import', () => {
  it('shows a progress line on a terminal, up to 100%, and clears it before the report', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ws.json'), JSON.stringify(workspace(many(2500))));
    const r = await cli(['--db', await setUpDb(path.join(dir, 'a.db')), 'import', 'ws.json'], dir, true);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Imported ws.json: threats 2500 new');
    const lines = r.progress.filter((l): l is string => l !== null);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(
      /^Importing ws\.json: 100% \(\d+\.\d MB of \d+\.\d MB\), 2,500 threats read$/,
    );
    expect(r.progress.at(-1)).toBeNull();
  });

  it('prints no progress where there is no terminal (a pipe, a log file)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ws.json'), JSON.stringify(workspace(many(300))));
    const r = await cli(['--db', await setUpDb(path.join(dir, 'a.db')), 'import', 'ws.json'], dir, false);
    expect(r.code, r.err).toBe(0);
    expect(r.progress).toEqual([]);
    // No carriage return, no escape sequence, no progress text.
    expect(r.err.includes('\r') || r.err.includes('\u001b') || r.err.includes('Importing')).toBe(false);
  });

  it(
    'in a real process on a real terminal (a pseudo-terminal), draws the line in place; into a pipe, none',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const [a, b] = [await setUpDb(path.join(dir, 'a.db')), await setUpDb(path.join(dir, 'b.db'))];
      const env = { ...process.env, ...cliEnv() };
      fs.writeFileSync(path.join(dir, 'ws.json'), JSON.stringify(workspace(many(2500))));
      const command = (db: string) =>
        [process.execPath, path.join(REPO_ROOT, 'bin', 'threshold.mjs'), '--db', db, 'import', 'ws.json']
          .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
          .join(' ');
      // `script` gives the command a terminal of its own (util-linux); what the terminal showed is its output.
      const onTerminal = spawnSync('script', ['-qec', command(a), '/dev/null'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      expect(onTerminal.status, onTerminal.stdout).toBe(0);
      // Each line drawn over the last: a carriage return, then "erase to the end of the line" (ESC [ K).
      const drawn = onTerminal.stdout.split('\r\u001b[K').slice(1);
      expect(drawn.length).toBeGreaterThan(1);
      expect(drawn[0]).toMatch(/^Importing ws\.json: \d+% \(/);
      expect(drawn.some((line) => /^Importing ws\.json: 100% .*2,500 threats read/.test(line))).toBe(true);
      expect(onTerminal.stdout).toContain('Imported ws.json: threats 2500 new');
      const piped = spawnSync('sh', ['-c', command(b)], { cwd: dir, env, encoding: 'utf8' });
      expect(piped.status, piped.stderr).toBe(0);
      expect(piped.stdout).toContain('Imported ws.json: threats 2500 new');
      const printed = `${piped.stdout}${piped.stderr}`;
      expect([printed.includes('\r'), printed.includes('\u001b'), printed.includes('Importing')]).toEqual([
        false,
        false,
        false,
      ]);
    },
  );

  it(
    'cancels on Ctrl-C in a real process: nothing is imported, and it says so',
    { timeout: 600_000 },
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'big.json');
      fs.writeFileSync(file, JSON.stringify(workspace(many(20_000))));
      const db = await setUpDb(path.join(dir, 'c.db'));
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, 'bin', 'threshold.mjs'), '--db', db, 'import', file],
        {
          cwd: dir,
          env: { ...process.env, ...cliEnv() },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      let gone = false;
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => {
          gone = true;
          resolve(code);
        }),
      );
      // Interrupted once it is writing: its write-ahead log has grown (batches are in the transaction).
      const wal = `${db}-wal`;
      while (!gone && !(fs.existsSync(wal) && fs.statSync(wal).size > 4 * 1024 * 1024))
        await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGINT');
      expect(await exited).toBe(1);
      expect(stderr).toMatch(/The import of big\.json was cancelled; nothing was imported\./);
      const after = openDatabase(db, { readonly: true, check: 'none', key: await keyOf(db) });
      expect(after.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(0);
      closeDatabase(after);
    },
  );
});
