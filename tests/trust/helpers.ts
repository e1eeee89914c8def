// Shared by the trust tests: services over a database opened with options (a key), raw file reads,
// an in-process CLI runner, and a record of the figures the README's "Reliability" section reports.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type OpenOptions } from '../../src/main/db/connection';
import type { ServiceContext } from '../../src/main/context';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher';
import { createContext, createHandlers } from '../../src/main/services';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { election, threat } from '../fixtures/mini-workspace';
import { ASSETS_DIR, REPO_ROOT } from '../helpers/db';

export interface KeyedApp {
  ctx: ServiceContext;
  dispatch: Dispatch;
  call<T = unknown>(channel: string, payload?: unknown): Promise<T>;
  close(): void;
}

export function openKeyed(file: string, options: OpenOptions = {}): KeyedApp {
  const db = openDatabase(file, options);
  const ctx = createContext(db, { dbPath: file, assetsDir: ASSETS_DIR, mode: 'cli', appVersion: 'test' });
  // Internal errors answer as such in the envelope; they are kept here rather than logged.
  const internal: unknown[] = [];
  const dispatch = createDispatcher(createHandlers(ctx), (err) => internal.push(err));
  return {
    ctx,
    dispatch,
    async call<T>(channel: string, payload: unknown = {}) {
      const r = await dispatch(channel, payload);
      if (!r.ok)
        throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), {
          envelope: r.error,
        });
      return r.value as T;
    },
    close: () => closeDatabase(db),
  };
}

/** Records a threat whose every text field carries `marker` (classified notes included). */
export async function writeMarkedThreat(app: KeyedApp, marker: string, id = 'T-MARK'): Promise<void> {
  const elections = await app.call<{ id: string }[]>('elections:list');
  if (!elections.some((e) => e.id === election.id)) await app.call('elections:save', { election });
  await app.call('threats:create', {
    threat: threat(id, {
      title: `Title ${marker}`,
      summary: `Summary ${marker}`,
      falseClaim: `Claim ${marker}`,
      facts: [`Fact ${marker}`],
      target: { kind: 'general-public', description: `Target ${marker}` },
      classifiedNotes: [{ classification: 'SECRET', text: `Secret ${marker}` }],
    }),
  });
}

/** True when `marker` appears in the file's bytes, as UTF-8 or UTF-16 (either case). */
export function fileContains(file: string, marker: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  for (const m of [marker, marker.toLowerCase(), marker.toUpperCase()]) {
    if (bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le'))) return true;
  }
  return false;
}

export async function runCli(
  argv: string[],
  opts: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    promptSecret?: (q: string) => string | null;
    confirm?: (q: string) => boolean | null;
  },
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: opts.env ?? {},
    cwd: opts.cwd,
    ...(opts.promptSecret ? { promptSecret: opts.promptSecret } : {}),
    ...(opts.confirm ? { confirm: opts.confirm } : {}),
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Figures for the README's Reliability section, written by the tests that measure them. */
export const FIGURES_DIR = path.join(REPO_ROOT, 'test-artifacts', 'reliability');

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(FIGURES_DIR, `${name}.json`),
    `${JSON.stringify({ ...figures, recordedAt: new Date().toISOString() }, null, 2)}\n`,
  );
}
