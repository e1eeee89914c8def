// Bad input through the CLI's `import`: malformed JSON, wrong enums, 10,000-deep nesting, bytes that are
// not UTF-8, files over the limit, a 100 MB workspace (with its peak memory measured in a real process),
// CSV with formula cells and embedded newlines. Each refusal says where; nothing is ever half imported.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { firstInvalidUtf8, MAX_IMPORT_BYTES } from '../../src/main/transfer/text-file';
import { stableStringify } from '../../src/main/records';
import type { Threat } from '../../src/shared/domain/workspace';
import { arbThreat } from '../helpers/arbitraries';
import { openTestApp, REPO_ROOT, tempDir } from '../helpers/db';
import { databaseFingerprint } from '../helpers/snapshot';
import { election, threat, workspace } from '../fixtures/mini-workspace';
import { UNICODE_EDGE } from './fuzz-arbitraries';
import { recordFigures, runCli } from './helpers';
import { cliEnv } from '../helpers/people';

const tried: Record<string, number> = {};
const count = (what: string, n = 1) => (tried[what] = (tried[what] ?? 0) + n);

/** A database with the mini workspace, its fingerprint, and a CLI runner on it. */
async function fixture() {
  const dir = tempDir('trust-imports-');
  const file = path.join(dir, 'threshold.db');
  const app = await openTestApp({ file });
  await app.call('workspace:import', {
    format: 'json',
    content: JSON.stringify(workspace()),
    fileName: 'seed.json',
  });
  const key = app.key;
  app.close();
  // Opening once more lets open-time upkeep (the assessment engine's derived levels) settle first:
  // what must not change is the data a refused import could have touched.
  (await openTestApp({ file })).close();
  const fingerprint = () => {
    const db = openDatabase(file, { readonly: true, key });
    try {
      return databaseFingerprint(db);
    } finally {
      closeDatabase(db);
    }
  };
  const importFile = async (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), content);
    return runCli(['--db', file, 'import', name], { cwd: dir });
  };
  const before = fingerprint();
  return { dir, file, before, fingerprint, importFile };
}

describe('malformed files through `threshold import`', () => {
  it('refuses broken JSON, wrong enums and deep nesting, saying where, and imports nothing', async () => {
    const f = await fixture();
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"format": "threshold-workspace/1", "elections": [}', /line 1, column \d+/],
      ['trailing.json', `${JSON.stringify(workspace())},`, /line 1, column \d+/],
      ['truncated.json', JSON.stringify(workspace()).slice(0, -40), /end of file|line 1/i],
      ['empty.json', '', /not valid JSON|end of file/i],
      [
        'enum.json',
        JSON.stringify(workspace([threat('T-9', { purpose: 'world-domination' as never })])),
        /\$\.threats\[0\]\.purpose/,
      ],
      [
        'breakout.json',
        JSON.stringify(workspace([threat('T-9', { reach: { breakout: 7 } })])),
        /\$\.threats\[0\]\.reach\.breakout/,
      ],
      ['type.json', JSON.stringify({ ...workspace(), threats: { 0: threat('T-9') } }), /\$\.threats/],
      ['deep-objects.json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, /nested/],
      [
        'deep-arrays.json',
        `{"format":"threshold-workspace/1","elections":[],"threats":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        /nested/,
      ],
      [
        'proto.json',
        JSON.stringify(workspace()).replace('{"format"', '{"__proto__":{"polluted":true},"format"'),
        /__proto__/,
      ],
      [
        'constructor.json',
        JSON.stringify(workspace([threat('T-9')])).replace(
          '"title"',
          '"constructor":{"prototype":{"x":1}},"title"',
        ),
        /constructor/,
      ],
      [
        'late.json',
        JSON.stringify(
          workspace([
            ...Array.from({ length: 200 }, (_, i) => threat(`T-OK-${i}`)),
            threat('T-BAD', { time: { firstSeen: 'yesterday' } }),
          ]),
        ),
        /\$\.threats\[200\]\.time\.firstSeen/,
      ],
      [
        'no-election.json',
        JSON.stringify({
          format: 'threshold-workspace/1',
          elections: [],
          threats: [threat('T-9', { electionId: 'nowhere' })],
        }),
        /no election with id nowhere/,
      ],
    ];
    for (const [name, content, where] of cases) {
      const r = await f.importFile(name, content);
      count('malformed JSON files');
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(where);
      expect(r.err, name).toMatch(/Nothing was imported/);
      expect(r.err, name).not.toMatch(/unexpected error|at .*\.ts:\d+/);
      expect(f.fingerprint(), name).toBe(f.before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8, with their byte offset and line', async () => {
    const f = await fixture();
    const text = JSON.stringify(workspace([threat('T-9', { title: 'INVALID_HERE' })]), null, 2);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('INVALID_HERE')));
    const line = text.slice(0, text.indexOf('INVALID_HERE')).split('\n').length;
    for (const [label, bad] of [
      ['0xff', [0xff]],
      ['overlong', [0xc0, 0xaf]],
      ['surrogate', [0xed, 0xa0, 0x80]],
      ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['lone continuation', [0x80]],
      ['truncated', [0xe2, 0x82]],
    ] as const) {
      const bytes = Buffer.concat([
        Buffer.from(text.slice(0, text.indexOf('INVALID_HERE'))),
        Buffer.from(bad),
        Buffer.from(text.slice(text.indexOf('INVALID_HERE'))),
      ]);
      const r = await f.importFile(`utf8-${bad[0]}.json`, bytes);
      count('invalid UTF-8 files');
      expect(r.code, label).toBe(1);
      expect(r.err, label).toContain(`byte offset ${at} (line ${line})`);
      expect(r.err, label).toMatch(/not UTF-8/);
      expect(f.fingerprint()).toBe(f.before);
    }
    // At the very end, too.
    const r = await f.importFile('utf8-end.json', Buffer.concat([Buffer.from(text), Buffer.from([0xe2])]));
    expect(r.err).toContain(`byte offset ${Buffer.byteLength(text)}`);
  });

  it('finds the first invalid UTF-8 byte exactly where a strict decoder fails', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (noise, text) => {
          const buf = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(noise)]);
          let strictOk = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(buf);
          } catch {
            strictOk = false;
          }
          const at = firstInvalidUtf8(buf);
          expect(at === -1).toBe(strictOk);
          if (at >= 0) {
            // Everything before the offset is valid, and the byte at it starts no valid sequence.
            expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, at))).not.toThrow();
            expect(at).toBeGreaterThanOrEqual(Buffer.byteLength(text, 'utf8') - 0);
          }
        },
      ),
      { numRuns: 2000 },
    );
    count('random byte strings checked for UTF-8', 2000);
  });

  it('refuses a file over the documented limit before reading it, and says the limit', async () => {
    const f = await fixture();
    const big = path.join(f.dir, 'huge.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_IMPORT_BYTES + 1); // sparse: no disk space used
    const r = await runCli(['--db', f.file, 'import', 'huge.json'], { cwd: f.dir });
    count('files over the size limit');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/huge\.json is 200\.0 MB; Threshold imports files of up to 200\.0 MB/);
    expect(f.fingerprint()).toBe(f.before);
  });
});

describe('a 100 MB workspace through the CLI, in a real process', () => {
  let dir: string;
  let bigFile: string;
  let threats = 0;
  // Streamed: memory does not grow with the file (about 0.3 GB here, most of it Node and tsx); reading the
  // file whole took 0.75 to 1 GB.
  const RSS_BOUND_MB = 512;

  beforeAll(() => {
    dir = tempDir('trust-100mb-', { keep: true });
    bigFile = path.join(dir, 'workspace-100mb.json');
    const fd = fs.openSync(bigFile, 'w');
    const head = `${JSON.stringify({ format: 'threshold-workspace/1', elections: [election] }).slice(0, -1)},"threats":[`;
    fs.writeSync(fd, head);
    let size = head.length;
    const pad =
      'Posts claim that ballots posted after Friday will not be counted; the claim is false. '.repeat(14);
    const chunk: string[] = [];
    while (size < 100 * 1024 * 1024) {
      const s =
        (threats ? ',' : '') +
        JSON.stringify(
          threat(`T-BIG-${threats}`, {
            summary: `${threats} ${pad}`,
            facts: [pad.slice(0, 300), pad.slice(0, 200)],
          }),
        );
      chunk.push(s);
      size += s.length;
      threats++;
      if (chunk.length === 1000) fs.writeSync(fd, chunk.splice(0).join(''));
    }
    fs.writeSync(fd, `${chunk.join('')}]}`);
    fs.closeSync(fd);
    fs.writeFileSync(
      path.join(dir, 'rss.cjs'),
      "process.on('exit', () => require('node:fs').writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n",
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function cli(db: string, file: string) {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(dir, 'rss.cjs'),
        path.join(REPO_ROOT, 'bin', 'threshold.mjs'),
        '--db',
        db,
        'import',
        file,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 900_000, env: { ...process.env, ...cliEnv() } },
    );
    const peak = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1]) / 1024;
    return { ...run, peakMb: Math.round(peak) };
  }

  // Two real imports of 100 MB: minutes on a busy machine (a hang guard, not a speed goal).
  it(
    `imports it in one transaction with peak memory under ${RSS_BOUND_MB} MB; with one bad threat at the end, imports nothing`,
    { timeout: 1_800_000 },
    async () => {
      const sizeMb = Math.round(fs.statSync(bigFile).size / 1024 / 1024);
      expect(sizeMb).toBeGreaterThanOrEqual(100);

      // One wrong value in the very last threat: everything is read and checked, nothing is written.
      const badFile = path.join(dir, 'workspace-100mb-bad.json');
      const text = fs.readFileSync(bigFile, 'utf8');
      const lastPurpose = text.lastIndexOf('"purpose":"mislead-voting-process"');
      fs.writeFileSync(
        badFile,
        `${text.slice(0, lastPurpose)}"purpose":"world-domination"${text.slice(lastPurpose + '"purpose":"mislead-voting-process"'.length)}`,
      );
      const badDb = path.join(dir, 'bad.db');
      const seed = await openTestApp({ file: badDb });
      await seed.call('elections:save', { election });
      seed.close();
      const reopened = await openTestApp({ file: badDb });
      const before = databaseFingerprint(reopened.db);
      const key = reopened.key;
      reopened.close();
      const refused = cli(badDb, badFile);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toContain(`$.threats[${threats - 1}].purpose`);
      expect(refused.peakMb).toBeLessThan(RSS_BOUND_MB);
      const after = openDatabase(badDb, { readonly: true, key });
      expect(databaseFingerprint(after)).toBe(before);
      closeDatabase(after);

      const goodDb = path.join(dir, 'good.db');
      const good = await openTestApp({ file: goodDb });
      const goodKey = good.key;
      good.close();
      const ok = cli(goodDb, bigFile);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`threats ${threats} new`);
      expect(ok.peakMb).toBeLessThan(RSS_BOUND_MB);
      const db = openDatabase(goodDb, { readonly: true, key: goodKey });
      expect(db.prepare('SELECT count(*) FROM threats').pluck().get()).toBe(threats);
      closeDatabase(db);
      count('100 MB imports');
      console.log(
        `100 MB import: ${sizeMb} MB, ${threats} threats; peak RSS ${ok.peakMb} MB imported, ` +
          `${refused.peakMb} MB refused`,
      );
      recordFigures('import-100mb', {
        fileMb: sizeMb,
        threats,
        peakRssMbImported: ok.peakMb,
        peakRssMbRefused: refused.peakMb,
        boundMb: RSS_BOUND_MB,
        limitMb: MAX_IMPORT_BYTES / 1024 / 1024,
      });
    },
  );
});

describe('CSV: formula cells and embedded newlines', () => {
  const tricky = fc.oneof(
    fc.constantFrom(
      '=HYPERLINK("http://evil.example","click")',
      "=cmd|' /C calc'!A0",
      '+1+1',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1',
      '\r=1',
      "'already quoted",
      "''",
      'a,b;c',
      '"quoted"',
      'line one\nline two',
      'line one\r\nline two\r\n',
      '\n',
      ' leading space',
      'trailing space ',
      '',
      ...UNICODE_EDGE,
    ),
    fc.string({ maxLength: 30 }),
  );
  const trickyThreat = fc
    .tuple(
      arbThreat({ electionId: election.id }),
      tricky,
      tricky,
      tricky,
      fc.array(tricky, { minLength: 1, maxLength: 3 }),
    )
    .map(([t, title, summary, claim, facts]): Threat => ({
      ...t,
      title: title.trim() === '' ? `=${title}x` : title,
      summary,
      falseClaim: claim,
      facts,
    }));

  it('round-trips exactly through `threshold export --format csv` and `threshold import`, with formulas neutralised in the file', async () => {
    let rounds = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(trickyThreat, { minLength: 1, maxLength: 4, selector: (t) => t.id }),
        async (threats) => {
          // A lone surrogate cannot be written as UTF-8 at all (a CSV file holds U+FFFD instead; JSON
          // export keeps it escaped), so those threats are left out of the exact CSV round trip.
          const valid = threats.filter((t) => !/\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(t)));
          fc.pre(valid.length > 0);
          const src = await openTestApp();
          const okImport = await src.dispatch('workspace:import', {
            format: 'json',
            content: JSON.stringify(workspace(valid)),
            fileName: 'src.json',
          });
          fc.pre(okImport.ok);
          const dir = src.dir;
          const exported = await runCli(['--db', src.file, 'export', '--format', 'csv', '--out', 'out.csv'], {
            cwd: dir,
          });
          expect(exported.code).toBe(0);
          const csv = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8');
          for (const row of parse(csv, { relax_column_count: false }) as string[][])
            for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          const dest = path.join(dir, 'dest.db');
          const seeded = await openTestApp({ file: dest });
          await seeded.call('elections:save', { election });
          seeded.close();
          const imported = await runCli(['--db', dest, 'import', 'out.csv'], { cwd: dir });
          expect(imported.code, imported.err).toBe(0);
          const back = await openTestApp({ file: dest });
          for (const t of valid) {
            const got = await back.call<{ threat: Threat }>('threats:get', { id: t.id });
            const original = await src.call<{ threat: Threat }>('threats:get', { id: t.id });
            expect(stableStringify(got.threat)).toBe(stableStringify(original.threat));
          }
          back.close();
          src.close();
          rounds++;
        },
      ),
      { numRuns: 25 },
    );
    count('CSV round trips', rounds);
  });

  it('refuses a broken CSV (unclosed quote, wrong column count, unknown column) with its line, and imports nothing', async () => {
    const f = await fixture();
    const header = 'id,electionId,title';
    for (const [name, content, where] of [
      ['unclosed.csv', `${header}\nT-9,el-test,"never closed\nT-10,el-test,x\n`, /line \d+/],
      ['columns.csv', `${header}\nT-9,el-test,a,b,c\n`, /line 2/],
      ['unknown.csv', `${header},secret_column\nT-9,el-test,x,y\n`, /unknown column "secret_column"/],
      ['formula-id.csv', `${header}\n=cmd,el-test,x\n`, /line 2/],
    ] as const) {
      const r = await f.importFile(name, content);
      count('malformed CSV files');
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(where);
      expect(f.fingerprint(), name).toBe(f.before);
    }
  });
});

afterAll(() => {
  if (Object.keys(tried).length) recordFigures('bad-imports', tried);
});
