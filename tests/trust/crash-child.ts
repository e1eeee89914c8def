// The writer the crash test kills: imports and edits through the real services in a loop, and prints
//   B                        when a transaction has begun (before its first write), so that the test can
//                            kill it mid-work however slow the machine is;
// and one line per transaction, only after it committed:
//   C <threatId> <facts>     a threat created with <facts> facts (plus notes, regions, channels, audit)
//   U <threatId> <version>   a threat edited to <version> (one more fact, a history row, an audit entry)
//   I <batch>                a workspace file of two threats imported as one transaction
// Usage: node --import tsx tests/trust/crash-child.ts <db> <run> [key-hex]   (the test runs an esbuild bundle of it,
// which starts in a third of the time: 200 kills fit in the default run)
import fs from 'node:fs';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createContext, createHandlers } from '../../src/main/services';
import type { Threat } from '../../src/shared/domain/workspace';
import { election, threat } from '../fixtures/mini-workspace';

const [dbPath, runArg, keyHex] = process.argv.slice(2);
if (!dbPath || !runArg) throw new Error('usage: crash-child <db> <run> [key]');
const run = Number(runArg);

// Written straight to the file descriptor: a line is out before the next transaction starts.
const say = (line: string) => fs.writeSync(1, `${line}\n`);

function crashThreat(id: string, facts: number): Threat {
  return threat(id, {
    title: `Crash test ${id}`,
    facts: Array.from({ length: facts }, (_, i) => `Fact ${i + 1} of ${id}`),
    place: {
      level: 'regional',
      regions: [`Region ${id}`, 'North Shore'],
      channels: ['telegram', `ch-${id}`],
      languages: ['en'],
    },
    classifiedNotes: [{ classification: 'SECRET', text: `Note on ${id}` }],
  });
}

/** With CRASH_CHILD_WAIT=1 the child loads everything, then waits for a line on stdin before it opens
 *  the database: the parent starts the next writer while it checks what the last one left. */
function waitForGo(): Promise<void> {
  if (process.env.CRASH_CHILD_WAIT !== '1') return Promise.resolve();
  return new Promise((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
  });
}

async function main(): Promise<void> {
  await waitForGo();
  const db = openDatabase(dbPath!, {
    check: 'none',
    ...(keyHex ? { key: { kind: 'raw' as const, hex: keyHex } } : {}),
  });
  // Every transaction the services run says so as it begins (inside it, before its first statement).
  const begin = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) =>
    begin(function (this: unknown, ...args: unknown[]) {
      say('B');
      return fn.apply(this, args);
    })) as typeof db.transaction;
  let t = Date.parse('2027-05-01T00:00:00Z') + run * 1e7;
  const ctx = createContext(db, {
    dbPath: dbPath!,
    assetsDir: 'assets',
    mode: 'cli',
    appVersion: 'crash-test',
    clock: () => new Date((t += 1000)),
  });
  const dispatch = createDispatcher(createHandlers(ctx), (err) => {
    say(`E ${(err as Error).message}`);
  });
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = await dispatch(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  if (!(await call<{ id: string }[]>('elections:list', {})).some((e) => e.id === election.id))
    await call('elections:save', { election });
  say('ready');
  const created: string[] = [];
  for (let k = 0; ; k++) {
    const op = k % 4;
    if (op === 2 && created.length > 0) {
      const id = created[(k * 7) % created.length]!;
      const detail = await call<{ threat: Threat; meta: { version: number } }>('threats:get', { id });
      const next = { ...detail.threat, facts: [...(detail.threat.facts ?? []), `Added fact ${k}`] };
      const updated = await call<{ meta: { version: number } }>('threats:update', {
        threat: next,
        expectedVersion: detail.meta.version,
      });
      say(`U ${id} ${updated.meta.version}`);
    } else if (op === 3) {
      const batch = `${run}-${k}`;
      const content = JSON.stringify({
        format: 'threshold-workspace/1',
        elections: [election],
        threats: [crashThreat(`I${batch}-a-n2`, 2), crashThreat(`I${batch}-b-n3`, 3)],
      });
      await call('workspace:import', { format: 'json', content, fileName: `batch-${batch}` });
      say(`I ${batch}`);
    } else {
      const facts = 1 + ((run + k) % 4);
      const id = `C${run}-${k}-n${facts}`;
      await call('threats:create', { threat: crashThreat(id, facts) });
      created.push(id);
      say(`C ${id} ${facts}`);
    }
    if (process.env.CRASH_CHILD_MAX && k + 1 >= Number(process.env.CRASH_CHILD_MAX)) break;
  }
  closeDatabase(db);
}

main().catch((err) => {
  say(`E ${(err as Error).stack ?? err}`);
  process.exit(1);
});
