// `threshold outcome add|list`, in-process on a temporary database holding the sample workspace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { openTestApp, tempDir } from '../helpers/db';
import { cliEnv } from '../helpers/people';
import { threat, workspace } from '../fixtures/mini-workspace';

let dir: string;
let db: string;

beforeEach(async () => {
  dir = tempDir('threshold-cli-outcome-');
  const app = await openTestApp({ file: path.join(dir, 'sample.db') });
  await app.call('workspace:loadSample');
  // The sample is dated 2027; a threat seen this year takes observations dated today.
  await app.call('workspace:import', {
    format: 'json',
    content: JSON.stringify(workspace([threat('T-NOW', { time: { firstSeen: '2026-01-05T10:00:00Z' } })])),
  });
  app.close();
  db = app.file;
});

async function run(argv: string[], database = db): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: cliEnv(),
    cwd: dir,
  };
  const code = await main([...argv, '--db', database], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('threshold outcome', () => {
  it('adds an observation (rising|steady|declining) and lists it, as text and JSON', async () => {
    const added = await run([
      'outcome',
      'add',
      'lk27-013',
      '--date',
      '2026-11-30',
      '--breakout',
      '1',
      '--trend',
      'declining',
      '--platform-action',
      'removed',
      '--platform-action',
      'labelled',
      '--audience',
      '800',
      '--spreading',
      'no',
      '--note',
      'Quiet since polling day.',
    ]);
    // The sample is dated 2027: an observation before the threat was first seen is refused.
    expect(added.code).toBe(1);
    expect(added.err).toMatch(/before the threat was first seen \(2027-05-14\)/);

    const ok = await run([
      'outcome',
      'add',
      'T-NOW',
      '--date',
      '2026-02-01',
      '--breakout',
      '1',
      '--trend',
      'steady',
      '--platform-action',
      'removed,labelled',
      '--audience',
      '800',
      '--spreading',
      'no',
      '--media',
      'some',
      '--note',
      'Quiet since the correction.',
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^Recorded O-\d{8}-[0-9a-f]{6} on T-NOW: 2026-02-01, Breakout 1, steady\.$/);
    const mine = JSON.parse((await run(['outcome', 'list', 'T-NOW', '--json'])).out) as unknown[];
    expect(mine).toEqual([
      expect.objectContaining({
        threatId: 'T-NOW',
        date: '2026-02-01',
        reach: { breakout: 1, estimatedAudience: 800, trend: 'stable' },
        stillSpreading: false,
        platformActions: ['removed', 'labelled'],
        mediaPickup: 'some',
        note: 'Quiet since the correction.',
        version: 1,
      }),
    ]);

    const list = await run(['outcome', 'list', 'lk27-004']);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toMatch(/2027-05-04\s+4\s+900,000\s+steady\s+yes\s+removed/);
    expect(list.out).toMatch(/2027-05-15\s+2\s+60,000\s+declining\s+no/);
    expect(list.out).toContain('3 observations');
    const asJson = JSON.parse((await run(['outcome', 'list', 'lk27-004', '--json'])).out) as {
      date: string;
    }[];
    expect(asJson.map((o) => o.date)).toEqual(['2027-05-04', '2027-05-09', '2027-05-15']);
  });

  it('refuses a bad trend, breakout or action with a usage error, and records nothing', async () => {
    for (const args of [
      ['--breakout', '2', '--trend', 'up'],
      ['--trend', 'steady'],
      ['--breakout', 'two', '--trend', 'steady'],
      ['--breakout', '2', '--trend', 'steady', '--platform-action', 'banned'],
    ]) {
      const r = await run(['outcome', 'add', 'lk27-017', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    const r = await run(['outcome', 'add', 'lk27-017', '--breakout', '9', '--trend', 'steady']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/breakout/);
    expect(JSON.parse((await run(['outcome', 'list', 'lk27-017', '--json'])).out)).toHaveLength(1);
  });

  it('carries observations through `threshold export` and `threshold import` into a fresh database', async () => {
    const exported = await run(['export', '--out', 'ws.json']);
    expect(exported.code, exported.err).toBe(0);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'ws.json'), 'utf8')) as {
      outcomes?: { threatId: string }[];
    };
    expect(file.outcomes?.filter((o) => o.threatId === 'lk27-004')).toHaveLength(3);

    const fresh = await openTestApp({ file: path.join(dir, 'fresh.db') });
    fresh.close();
    const imported = await run(['import', 'ws.json'], fresh.file);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(
      new RegExp(`; outcome observations ${file.outcomes!.length} new, 0 updated, 0 unchanged\\.$`),
    );
    const list = async (database: string) =>
      (
        JSON.parse((await run(['outcome', 'list', 'lk27-004', '--json'], database)).out) as {
          version: number;
        }[]
      ).map(({ version, ...o }) => ({ ...o, version: typeof version }));
    const mine = await list(db);
    expect(mine).toHaveLength(3);
    expect(await list(fresh.file)).toEqual(mine);
  });
});
