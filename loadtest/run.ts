// `npm run loadtest [-- --json] [-- --seconds N] [-- --users N] [-- --threats N] [-- --fault]`
// The team server under a team's load: a seeded database of 10,000 threats, `threshold serve` started on
// loopback as a process of its own, and simulated people, each signed in with their own account in their
// own session, browsing, filtering, searching, opening threats, editing, assessing, drafting, reviewing,
// approving and now and then changing the policy, with a pause between actions. Afterwards every write
// the server answered ok is looked for in the database (the record's history) and in the audit log.
// --fault kills the server with SIGKILL halfway through and starts it again: the clients reconnect by
// themselves, and every write answered ok must still be there.
// Progress goes to stderr; the result to stdout. Not part of `npm test` (like `npm run bench`).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_IDS } from '../src/shared/domain/drafting';
import { lostWrites, ms, percentile, pick, seeded, type AckedWrite } from './accounting';
import { Client, type CallResult } from './client';
import { ADMIN, seedDatabase, teamOf, type TeamMember } from './seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    seconds: { type: 'string', default: '120' },
    users: { type: 'string', default: '25' },
    threats: { type: 'string', default: '10000' },
    'think-ms': { type: 'string', default: '1000' },
    fault: { type: 'boolean' },
  },
  strict: true,
});
const seconds = Number(values.seconds);
const users = Number(values.users);
const threatCount = Number(values.threats);
const thinkMs = Number(values['think-ms']);
const progress = (msg: string) => process.stderr.write(`[loadtest] ${msg}\n`);

if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
  progress('the interface is not built: npm run build:renderer first');
  process.exit(2);
}

// ---- the server, as a process of its own ------------------------------------------------------------
interface Running {
  child: ChildProcess;
  port: number;
  cert: string;
  logLines: number;
}

function startServer(dbPath: string, port: number): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'threshold.mjs'), '--db', dbPath, 'serve', '--port', String(port)],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, THRESHOLD_DB_KEY: '' } },
    );
    let buffered = '';
    let err = '';
    const running: Partial<Running> = { child, logLines: 0 };
    child.stderr.on('data', (c) => (err += c));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      buffered += c;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        running.logLines = (running.logLines ?? 0) + 1;
        if (line.includes('"event":"started"')) {
          const start = JSON.parse(line) as { port: number; certificate: string };
          resolve({
            ...(running as Running),
            port: start.port,
            cert: fs.readFileSync(start.certificate, 'utf8'),
            get logLines() {
              return running.logLines ?? 0;
            },
          });
        }
      }
    });
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL' && signal !== 'SIGTERM')
        reject(new Error(`the server stopped (${code ?? signal}): ${err}`));
    });
  });
}

// ---- what people do ---------------------------------------------------------------------------------
type Action =
  'browse' | 'filter' | 'search' | 'open' | 'edit' | 'assess' | 'draft' | 'review' | 'approve' | 'policy';

function mixFor(member: TeamMember): Record<Action, number> {
  const has = (r: string) => member.roles.includes(r as never);
  return {
    browse: 25,
    filter: 15,
    search: 12,
    open: 20,
    edit: has('analyst') ? 14 : 0,
    assess: has('analyst') || has('approver') ? 5 : 0,
    draft: has('communications') ? 14 : 0,
    review: has('reviewer') ? 10 : 0,
    approve: has('approver') ? 8 : 0,
    policy: has('policy-owner') ? 1.5 : 0,
  };
}

const SEARCH_WORDS = [
  'ballot',
  'poll',
  'fraud',
  'vote',
  'candidate',
  'video',
  'mail',
  'station',
  'count',
  'deepfake',
];
const PURPOSES = ['mislead-voting-process', 'suppress-turnout', 'undermine-results', 'polarize'];

interface Stats {
  byChannel: Record<string, number[]>;
  latencies: number[];
  requests: number;
  errors: { channel: string; code: string; message: string }[];
  conflicts: number;
  unanswered: number;
  acked: AckedWrite[];
  byAction: Record<string, number>;
  updateLatencies: number[];
}

const stats: Stats = {
  byChannel: {},
  latencies: [],
  requests: 0,
  errors: [],
  conflicts: 0,
  unanswered: 0,
  acked: [],
  byAction: {},
  updateLatencies: [],
};

let outage = false;

function account(channel: string, r: CallResult): CallResult {
  stats.requests++;
  if (r.unanswered) {
    stats.unanswered++;
    if (!outage) stats.errors.push({ channel, code: 'unanswered', message: r.error?.message ?? '' });
    return r;
  }
  stats.latencies.push(r.ms);
  (stats.byChannel[channel] ??= []).push(r.ms);
  if (!r.ok) {
    const code = r.error?.code ?? 'unknown';
    // Deliberate: two people editing the same record; the later one is refused and told.
    if (code === 'conflict') stats.conflicts++;
    else stats.errors.push({ channel, code, message: (r.error?.message ?? '').slice(0, 200) });
  }
  return r;
}

/** The threats people edit most: a few hot ones (conflicts happen there), and the rest of the log. */
function threatId(random: () => number, ids: string[]): string {
  return random() < 0.3 ? ids[Math.floor(random() * 40)]! : ids[Math.floor(random() * ids.length)]!;
}

/** Edits sent, by threat id: when, by whom, and which other people's windows were told of it since. */
const sentEdits = new Map<string, { sentAt: number; writer: string; seenBy: Set<string> }>();

/** A window told by the server's live updates that threats changed: how long after the edit was sent. */
function noticed(watcher: string, notice: { kind: string; ids?: string[] }): void {
  if (notice.kind !== 'changed') return;
  const now = performance.now();
  for (const id of notice.ids ?? []) {
    const edit = sentEdits.get(id);
    if (!edit || edit.seenBy.has(watcher)) continue;
    edit.seenBy.add(watcher);
    stats.updateLatencies.push(now - edit.sentAt);
  }
}

/** The last edit answered ok, for the watchers to look for: when it was sent, and its version. */
let latestEdit: { id: string; version: number; sentAt: number; seenBy: Set<string> } | null = null;

async function act(
  client: Client,
  member: TeamMember,
  action: Action,
  random: () => number,
  ids: string[],
  mine: { drafts: string[] },
): Promise<void> {
  const call = async (channel: string, payload: unknown) =>
    account(channel, await client.call(channel, payload));
  stats.byAction[action] = (stats.byAction[action] ?? 0) + 1;
  switch (action) {
    case 'browse':
      await call('threats:list', {
        offset: Math.floor(random() * 50) * 100,
        sort: { field: random() < 0.5 ? 'firstSeen' : 'level', direction: 'desc' },
      });
      return;
    case 'filter':
      await call('threats:list', {
        filter:
          random() < 0.5
            ? { purpose: [PURPOSES[Math.floor(random() * PURPOSES.length)]] }
            : { level: ['engage-privately', 'speak-publicly'] },
      });
      return;
    case 'search':
      await call('threats:list', {
        filter: { search: SEARCH_WORDS[Math.floor(random() * SEARCH_WORDS.length)] },
      });
      return;
    case 'open': {
      const id = ids[Math.floor(random() * ids.length)]!;
      await call('threats:get', { id });
      await call('assessment:assess', { threatId: id });
      return;
    }
    case 'edit': {
      const id = threatId(random, ids);
      const got = await call('threats:get', { id });
      if (!got.ok) return;
      const detail = got.value as { threat: { summary: string }; meta: { version: number } };
      // A person reads before saving.
      await new Promise((resolve) => setTimeout(resolve, 200 + random() * 800));
      const marker = `edit-${member.name.replace(/\s/g, '')}-${stats.requests}-${Math.floor(random() * 1e9)}`;
      const summary = `${detail.threat.summary.replace(/ \[edit-[^\]]*\]$/, '')} [${marker}]`.slice(0, 4000);
      const sentAt = performance.now();
      sentEdits.set(id, { sentAt, writer: member.name, seenBy: new Set([member.name]) });
      const saved = await call('threats:update', {
        threat: { ...detail.threat, summary },
        expectedVersion: detail.meta.version,
      });
      if (saved.ok) {
        const version = (saved.value as { meta: { version: number } }).meta.version;
        stats.acked.push({ kind: 'threat', id, version, marker });
        latestEdit = { id, version, sentAt, seenBy: new Set([member.name]) };
      }
      return;
    }
    case 'assess': {
      const saved = await call('assessment:save', { threatIds: [ids[Math.floor(random() * ids.length)]!] });
      if (saved.ok)
        stats.acked.push({ kind: 'assessment', id: String((saved.value as { id: number }).id), version: 1 });
      return;
    }
    case 'draft': {
      if (mine.drafts.length === 0 || random() < 0.25) {
        const plan = await call('drafting:createPlan', {
          threatIds: [ids[Math.floor(random() * ids.length)]!],
        });
        if (!plan.ok) return;
        const planId = (plan.value as { id: string }).id;
        const draft = await call('drafting:createDraft', {
          planId,
          template: TEMPLATE_IDS[Math.floor(random() * 2)],
        });
        if (!draft.ok) return;
        const record = draft.value as { id: string; version: number };
        mine.drafts.push(record.id);
        stats.acked.push({ kind: 'draft', id: record.id, version: record.version });
        return;
      }
      const draftId = mine.drafts[Math.floor(random() * mine.drafts.length)]!;
      const got = await call('drafting:getDraft', { draftId });
      if (!got.ok) return;
      const record = got.value as {
        currentVersion: number;
        draft: { sections: Record<string, { id: string; text: string }[]> };
      };
      const [lang, sections] = Object.entries(record.draft.sections)[0] ?? [];
      const first = sections?.[0];
      if (!lang || !first) return;
      const marker = `draft-${Math.floor(random() * 1e9)}`;
      const saved = await call('drafting:saveDraft', {
        draftId,
        expectedVersion: record.currentVersion,
        sections: {
          [lang]: [{ id: first.id, text: `${first.text.replace(/ \(draft-\d+\)$/, '')} (${marker})` }],
        },
      });
      if (saved.ok)
        stats.acked.push({
          kind: 'draft',
          id: draftId,
          version: (saved.value as { version: number }).version,
          marker,
        });
      return;
    }
    case 'review':
    case 'approve': {
      const list = await call('drafting:list', {});
      if (!list.ok) return;
      const want = action === 'review' ? 'draft' : 'reviewed';
      const candidates = (
        list.value as { drafts: { id: string; status: string; version: number }[] }
      ).drafts.filter((d) => d.status === want);
      const chosen = candidates[Math.floor(random() * candidates.length)];
      if (!chosen) return;
      const signed = await call(
        action === 'review' ? 'drafting:review' : 'drafting:approve',
        action === 'review'
          ? { draftId: chosen.id, expectedVersion: chosen.version }
          : { draftId: chosen.id, expectedVersion: chosen.version, passphrase: member.passphrase },
      );
      if (signed.ok)
        stats.acked.push({
          kind: 'draft',
          id: chosen.id,
          version: (signed.value as { version: number }).version,
        });
      return;
    }
    case 'policy': {
      const got = await call('policy:get', {});
      if (!got.ok) return;
      const saved = await call('policy:save', { policy: got.value, note: `load test ${stats.requests}` });
      if (saved.ok)
        stats.acked.push({
          kind: 'policy',
          id: 'policy',
          version: (saved.value as { version: number }).version,
        });
      return;
    }
  }
}

/** A window open on the log: refetches the threat last changed every 250 ms (until the server announces
 *  changes itself), and notes how long after the write it first saw it. */
async function watch(client: Client, until: number): Promise<void> {
  while (Date.now() < until) {
    const target = latestEdit;
    if (target && !target.seenBy.has(client.person.name)) {
      const r = await client.call('threats:get', { id: target.id });
      if (r.ok && (r.value as { meta: { version: number } }).meta.version >= target.version) {
        target.seenBy.add(client.person.name);
        stats.updateLatencies.push(performance.now() - target.sentAt);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---- the run ----------------------------------------------------------------------------------------
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threshold-loadtest-'));
const team = teamOf(users);
progress(`seeding ${threatCount.toLocaleString('en')} threats and ${users} people in ${workDir}`);
const dbPath = await seedDatabase(workDir, threatCount, team);
let server = await startServer(dbPath, 0);
const port = server.port;
progress(`server on https://127.0.0.1:${port}/ (pid ${server.child.pid})`);
const loadBefore = os.loadavg();

const clients = team.map((m) => new Client(port, server.cert, m));
const admin = new Client(port, server.cert, ADMIN);
for (const c of clients) {
  const r = await c.signIn();
  if (!r.ok) throw new Error(`${c.person.name} could not sign in: ${r.error?.message}`);
}
if (!(await admin.signIn()).ok) throw new Error('the administrator could not sign in');
const page = await clients[0]!.call('threats:list', { limit: 500 });
const ids = (page.value as { rows: { id: string }[] }).rows.map((r) => r.id);
progress(
  `${users} people signed in; load for ${seconds} s${values.fault ? ' (with a SIGKILL halfway)' : ''}`,
);

// Watchers: five other windows, each of its own session, open on the log.
const watchers = team.slice(0, 5).map((m) => new Client(port, server.cert, m));
for (const w of watchers) await w.signIn();
const started = Date.now();
const until = started + seconds * 1000;

// Every person's window listens to live updates (Server-Sent Events at /live) if the server has them;
// otherwise five windows poll.
const liveUpdates = (
  await Promise.all(clients.map((c) => c.live((n) => noticed(c.person.name, n), until)))
).every(Boolean);
progress(liveUpdates ? 'live updates: every window listens to /live' : 'no /live stream: five windows poll');

let faultReport: { killedAtMs: number; restartedAfterMs: number } | null = null;
let restartedAt = Infinity;
let recoveredAfterMs: number | null = null;
/** The people whose calls were answered ok after the restart: they reconnected by themselves. */
const backAfterRestart = new Set<string>();
const fault = values.fault
  ? (async () => {
      // A third of the way through: the rest of the run shows the clients coming back.
      await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 3));
      progress(
        `SIGKILL to the server (pid ${server.child.pid}) at ${Math.round((Date.now() - started) / 1000)} s`,
      );
      outage = true;
      const killedAt = Date.now();
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('exit', resolve));
      server = await startServer(dbPath, port);
      const restartedAfterMs = Date.now() - killedAt;
      progress(`restarted after ${restartedAfterMs} ms`);
      // Requests unanswered from the kill until every person is back (signed in again, answered ok) are
      // the outage's, counted apart; after that, an unanswered request is an error again.
      const recovered = setInterval(() => {
        if (backAfterRestart.size === users || Date.now() > until) {
          outage = false;
          recoveredAfterMs = Date.now() - killedAt;
          clearInterval(recovered);
        }
      }, 100);
      restartedAt = Date.now();
      faultReport = { killedAtMs: killedAt - started, restartedAfterMs };
    })()
  : Promise.resolve();

await Promise.all([
  ...clients.map(async (client, i) => {
    const member = team[i]!;
    const random = seeded(1000 + i);
    const mix = mixFor(member);
    const mine = { drafts: [] as string[] };
    // People do not all start at the same instant.
    await new Promise((resolve) => setTimeout(resolve, random() * thinkMs));
    while (Date.now() < until) {
      await act(client, member, pick(mix, random), random, ids, mine);
      if (Date.now() > restartedAt && client.lastOkAt > restartedAt) backAfterRestart.add(member.name);
      await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + random())));
    }
  }),
  ...(liveUpdates ? [] : watchers.map((w) => watch(w, until))),
  fault,
]);
const elapsed = (Date.now() - started) / 1000;
const loadAfter = os.loadavg();
progress(`load done: ${stats.requests} requests; checking ${stats.acked.length} writes answered ok`);

// ---- every write answered ok: in the record, and in the audit log -----------------------------------
const must = async <T>(channel: string, payload: unknown): Promise<T> => {
  const r = await admin.call(channel, payload);
  if (!r.ok) {
    // The administrator may only read what administrators read: the record checks go through a reader.
    const reader = await clients[0]!.call(channel, payload);
    if (!reader.ok) throw new Error(`${channel}: ${reader.error?.message}`);
    return reader.value as T;
  }
  return r.value as T;
};
const evidence = new Map<string, { inRecord: boolean; inAudit: boolean }>();
const key = (w: AckedWrite) => `${w.kind}:${w.id}:${w.version}`;
for (const w of stats.acked) {
  if (evidence.has(key(w))) continue;
  let inRecord = false;
  let inAudit = false;
  if (w.kind === 'threat') {
    const history = await must<{ version: number; threat: { summary: string } }[]>('threats:history', {
      id: w.id,
    });
    inRecord = history.some(
      (v) => v.version === w.version && (!w.marker || v.threat.summary.includes(w.marker)),
    );
    const audit = await must<{ entries: { action: string; details: unknown }[] }>('audit:list', {
      subject: `threat:${w.id}`,
      limit: 1000,
    });
    inAudit = audit.entries.some(
      (e) => e.action === 'threat.edited' && (e.details as { version?: number }).version === w.version,
    );
  } else if (w.kind === 'draft') {
    const versions = await must<{ version: number }[]>('drafting:draftVersions', { draftId: w.id });
    inRecord = versions.some((v) => v.version === w.version);
    if (inRecord && w.marker) {
      const record = await must<{ draft: { sections: Record<string, { text: string }[]> } }>(
        'drafting:getDraft',
        {
          draftId: w.id,
          version: w.version,
        },
      );
      inRecord = JSON.stringify(record.draft.sections).includes(w.marker);
    }
    const audit = await must<{ entries: { subject: string | null }[] }>('audit:list', {
      subject: `draft:${w.id}`,
      limit: 1000,
    });
    inAudit = audit.entries.length > 0;
  } else if (w.kind === 'assessment') {
    const record = await clients[0]!.call('assessment:get', { id: Number(w.id) });
    inRecord = record.ok;
    const audit = await must<{ entries: unknown[] }>('audit:list', {
      subject: `assessment:${w.id}`,
      limit: 10,
    });
    inAudit = audit.entries.length > 0;
  } else {
    const versions = await must<{ version: number }[]>('policy:versions', {});
    inRecord = versions.some((v) => v.version === w.version);
    const audit = await must<{ entries: { action: string }[] }>('audit:list', {
      subject: 'policy',
      limit: 1000,
    });
    inAudit = audit.entries.some((e) => e.action === 'policy.changed');
  }
  evidence.set(key(w), { inRecord, inAudit });
}
const { lost } = lostWrites(stats.acked, (w) => evidence.get(key(w))!);

const reconnects = clients.reduce((n, c) => n + c.reconnects, 0);
const result = {
  users,
  seconds: Math.round(elapsed),
  threats: threatCount,
  requests: stats.requests,
  p50Ms: ms(percentile(stats.latencies, 50)),
  p95Ms: ms(percentile(stats.latencies, 95)),
  p99Ms: ms(percentile(stats.latencies, 99)),
  errors: stats.errors.length,
  conflictsDetected: stats.conflicts,
  lostWrites: lost.length,
  writesChecked: stats.acked.length,
  updateLatencyP95Ms: ms(percentile(stats.updateLatencies, 95)),
  updateLatencyMethod: liveUpdates
    ? 'Server-Sent Events (/live): from an edit sent to each other person’s window receiving its notice'
    : 'polling every 250 ms (the server has no /live stream)',
  updatesSeen: stats.updateLatencies.length,
  actions: stats.byAction,
  p95MsByChannel: Object.fromEntries(
    Object.entries(stats.byChannel)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([channel, l]) => [channel, ms(percentile(l, 95))]),
  ),
  ...(values.fault
    ? {
        fault: {
          ...(faultReport ?? {}),
          unansweredDuringOutage: stats.unanswered,
          reconnects,
          clientsBackAfterRestart: `${backAfterRestart.size}/${users}`,
          everyoneBackAfterMs: recoveredAfterMs,
          everyAckedWritePresent: lost.length === 0,
        },
      }
    : {}),
  machine: `${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()}, Node.js ${process.version}`,
  loadAverage: { before: loadBefore.map((x) => ms(x)), after: loadAfter.map((x) => ms(x)) },
};
if (stats.errors.length) progress(`errors (first 5): ${JSON.stringify(stats.errors.slice(0, 5))}`);
if (lost.length) progress(`lost writes (first 5): ${JSON.stringify(lost.slice(0, 5))}`);
for (const c of [...clients, ...watchers, admin]) c.close();
server.child.kill('SIGTERM');
await new Promise((resolve) => server.child.once('exit', resolve));
fs.rmSync(workDir, { recursive: true, force: true });
if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else
  for (const [k, v] of Object.entries(result))
    process.stdout.write(`${k.padEnd(20)} ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
