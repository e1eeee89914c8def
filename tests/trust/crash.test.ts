// Nothing lost: a writer (crash-child.ts) imports and edits through the real services in a loop, says
// when each transaction begins and prints each one after it commits; it is killed with SIGKILL 200 times
// (2,000 with THRESHOLD_LONG_TESTS=1) on one database file: nine kills in ten once it has begun its first,
// second or third transaction (so that the kill lands mid-work however slow or busy the machine is), one
// in ten while it opens the database. After every kill the database must open, pass integrity_check, keep
// an intact audit chain, hold every transaction it printed, and hold every transaction either whole or not
// at all. Nothing here depends on how fast the machine is: the test asserts what was lost, not how much
// was written.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/main/audit/audit-log';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import { generateKey, type DbKey } from '../../src/main/db/encryption';
import { REPO_ROOT, tempDir } from '../helpers/db';
import { recordFigures } from './helpers';

const LONG = process.env.THRESHOLD_LONG_TESTS === '1';
const KILLS = Number(process.env.THRESHOLD_CRASH_KILLS ?? (LONG ? 2000 : 200));
/** A few kills run on an encrypted database too: encryption must not weaken crash safety. */
const ENCRYPTED_KILLS = LONG ? 200 : 20;
const SEED = Number(process.env.THRESHOLD_CRASH_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: a small seeded generator, so a failing run can be replayed with THRESHOLD_CRASH_SEED. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let work: string;
let childScript: string;

beforeAll(async () => {
  work = tempDir('trust-crash-', { keep: true });
  childScript = path.join(work, 'crash-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['better-sqlite3-multiple-ciphers', '@resvg/resvg-js'],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'error',
  });
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

interface Writer {
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  /** Resolves once the writer has begun its n-th transaction (or has exited). */
  began(n: number): Promise<void>;
  exited: Promise<void>;
}

function startWriter(db: string, run: number, key: DbKey | null): Writer {
  const args = [childScript, db, String(run), ...(key && key.kind === 'raw' ? [key.hex] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules'), CRASH_CHILD_WAIT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  let onReady: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  let begun = 0;
  let exitedNow = false;
  const waiting: { n: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of waiting.splice(0)) {
      if (exitedNow || begun >= w.n) w.resolve();
      else waiting.push(w);
    }
  };
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (line === 'ready') onReady?.();
      if (line === 'B') begun++;
    }
    wake();
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      if (stderr) lines.push(`E stderr: ${stderr}`);
      exitedNow = true;
      onReady?.();
      wake();
      resolve();
    }),
  );
  const began = (n: number) =>
    new Promise<void>((resolve) => {
      waiting.push({ n, resolve });
      wake();
    });
  return { child, lines, ready, began, exited };
}

interface Committed {
  created: Map<string, number>;
  updated: Map<string, number>;
  batches: Set<string>;
}

function recordLines(lines: string[], committed: Committed): void {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'C') committed.created.set(a!, Number(b));
    else if (kind === 'U') committed.updated.set(a!, Math.max(committed.updated.get(a!) ?? 0, Number(b)));
    else if (kind === 'I') committed.batches.add(a!);
    else if (kind === 'E') throw new Error(`the writer failed by itself (not killed): ${line}`);
  }
}

interface Row {
  id: string;
  version: number;
  facts: number;
  notes: number;
  regions: number;
  channels: number;
  versions: number;
  created: number;
  edited: number;
  fts: number;
}

/** Opens the database as the app would and checks every invariant; returns how many threats it holds. */
function verify(dbPath: string, key: DbKey | null, committed: Committed, context: string): number {
  let db: Db;
  try {
    db = openDatabase(dbPath, { check: 'full', key });
  } catch (err) {
    throw new Error(`${context}: the database does not open after the kill: ${(err as Error).message}`);
  }
  try {
    const audit = new AuditLog(db).verify();
    expect(audit.problems, `${context}: audit chain`).toEqual([]);
    const rows = db
      .prepare(
        `SELECT t.id, t.version, (SELECT json_array_length(d.doc, '$.facts') FROM threat_docs d WHERE d.rowid = t.rowid) AS facts,
           (SELECT count(*) FROM classified_notes c WHERE c.threat_rowid = t.rowid) AS notes,
           (SELECT count(*) FROM threat_regions r WHERE r.threat_rowid = t.rowid) AS regions,
           (SELECT count(*) FROM threat_channels c WHERE c.threat_rowid = t.rowid) AS channels,
           (SELECT count(*) FROM threat_versions v WHERE v.threat_id = t.id) AS versions,
           (SELECT count(*) FROM audit_log a WHERE a.subject = 'threat:' || t.id AND a.action = 'threat.created') AS created,
           (SELECT count(*) FROM audit_log a WHERE a.subject = 'threat:' || t.id AND a.action = 'threat.edited') AS edited,
           (SELECT count(*) FROM threats_fts_docsize d WHERE d.id = t.rowid) AS fts
         FROM threats t`,
      )
      .all() as Row[];
    const present = new Map(rows.map((r) => [r.id, r]));
    const batchesPresent = new Map<string, number>();
    for (const r of rows) {
      const n = Number(/-n(\d+)$/.exec(r.id)?.[1]);
      const where = `${context}: ${r.id}`;
      expect({ notes: r.notes, regions: r.regions, channels: r.channels, fts: r.fts }, where).toEqual({
        notes: 1,
        regions: 2,
        channels: 2,
        fts: 1,
      });
      if (r.id.startsWith('C')) {
        expect({ facts: r.facts, versions: r.versions, created: r.created, edited: r.edited }, where).toEqual(
          { facts: n + r.version - 1, versions: r.version - 1, created: 1, edited: r.version - 1 },
        );
      } else {
        expect({ facts: r.facts, version: r.version, versions: r.versions }, where).toEqual({
          facts: n,
          version: 1,
          versions: 0,
        });
        const batch = /^I(.+)-[ab]-n\d+$/.exec(r.id)![1]!;
        batchesPresent.set(batch, (batchesPresent.get(batch) ?? 0) + 1);
      }
    }
    // An import is one transaction: both threats and its audit entry, or none of them.
    const importAudits = new Map<string, number>();
    for (const file of db
      .prepare("SELECT json_extract(details, '$.file') FROM audit_log WHERE action = 'workspace.imported'")
      .pluck()
      .all() as string[]) {
      const batch = file.replace(/^batch-/, '');
      importAudits.set(batch, (importAudits.get(batch) ?? 0) + 1);
    }
    for (const [batch, count] of batchesPresent) {
      expect(count, `${context}: batch ${batch} is half there`).toBe(2);
      expect(importAudits.get(batch), `${context}: batch ${batch} has no audit entry`).toBe(1);
    }
    for (const batch of importAudits.keys())
      expect(
        batchesPresent.has(batch),
        `${context}: audit entry for batch ${batch} without its threats`,
      ).toBe(true);
    // No threat's search entry was left without its threat.
    expect(
      db.prepare('SELECT count(*) FROM threats_fts_docsize').pluck().get(),
      `${context}: search index`,
    ).toBe(rows.length);
    // Everything the writer said was committed is there.
    for (const [id] of committed.created)
      expect(present.has(id), `${context}: committed ${id} is missing`).toBe(true);
    for (const [id, version] of committed.updated)
      expect(
        present.get(id)?.version ?? 0,
        `${context}: committed edit ${id} v${version} is missing`,
      ).toBeGreaterThanOrEqual(version);
    for (const batch of committed.batches)
      expect(batchesPresent.get(batch), `${context}: committed import ${batch} is missing`).toBe(2);
    return rows.length;
  } finally {
    closeDatabase(db);
  }
}

async function killLoop(kills: number, key: DbKey | null, label: string, random: () => number) {
  const dbPath = path.join(work, `${label}.db`);
  closeDatabase(openDatabase(dbPath, { key }));
  const committed: Committed = { created: new Map(), updated: new Map(), batches: new Set() };
  let transactions = 0;
  let whileOpening = 0;
  let midTransaction = 0;
  let threats = 0;
  // Two writers are always loading ahead, so that starting Node is not what the test waits for.
  const queue: Writer[] = [startWriter(dbPath, 1, key), startWriter(dbPath, 2, key)];
  for (let i = 0; i < kills; i++) {
    const writer = queue.shift()!;
    queue.push(startWriter(dbPath, i + 3, key));
    writer.child.stdin!.write('go\n');
    if (random() < 0.1) {
      // While it opens the database (checks, migrations, recovery of the last writer's log).
      await new Promise((r) => setTimeout(r, random() * 15));
      if (!writer.lines.includes('ready')) whileOpening++;
    } else {
      // Once it has begun its first, second or third transaction: mid-work, on any machine.
      await writer.began(1 + Math.floor(random() * 3));
      if (random() < 0.5) await new Promise((r) => setTimeout(r, random() * 3));
    }
    if (writer.lines.at(-1) === 'B') midTransaction++;
    writer.child.kill('SIGKILL');
    await writer.exited;
    const before = committed.created.size + committed.updated.size + committed.batches.size;
    recordLines(writer.lines, committed);
    transactions += committed.created.size + committed.updated.size + committed.batches.size - before;
    threats = verify(dbPath, key, committed, `${label} kill ${i + 1} (seed ${SEED})`);
  }
  for (const w of queue) {
    w.child.kill('SIGKILL');
    await w.exited;
  }
  return { kills, transactions, whileOpening, midTransaction, threats };
}

describe(`crash safety (SIGKILL × ${KILLS}, seed ${SEED})`, () => {
  it(
    'loses no committed transaction and leaves none half-written, after every kill',
    async () => {
      const random = rng(SEED);
      const plain = await killLoop(KILLS, null, 'plain', random);
      const encrypted = await killLoop(ENCRYPTED_KILLS, generateKey(), 'encrypted', random);
      // verify() has asserted, after every kill, that nothing committed was lost and nothing was half written.
      const all = {
        kills: plain.kills + encrypted.kills,
        transactions: plain.transactions + encrypted.transactions,
        whileOpening: plain.whileOpening + encrypted.whileOpening,
        midTransaction: plain.midTransaction + encrypted.midTransaction,
      };
      console.log(
        `crash test: ${all.kills} kills (${encrypted.kills} on an encrypted database; ${all.midTransaction} with a transaction begun and not committed, ${all.whileOpening} while opening), ${all.transactions} committed transactions checked; seed ${SEED}`,
      );
      recordFigures(LONG ? 'crash-long' : 'crash', {
        kills: all.kills,
        encryptedKills: encrypted.kills,
        committedTransactions: all.transactions,
        killsWhileOpening: all.whileOpening,
        killsMidTransaction: all.midTransaction,
        threatsAtEnd: plain.threats + encrypted.threats,
        lost: 0,
        halfWritten: 0,
        seed: SEED,
      });
    },
    // A guard against a hang, not a speed goal: generous for a busy two-core machine.
    LONG ? 7_200_000 : 1_200_000,
  );
});
