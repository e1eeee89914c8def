// The full check of a database's record, for `audit verify`, the in-app check and every restore:
// 1. the hash chain (AuditLog.verify): no entry edited, removed or reordered, the head where it should be;
// 2. the signatures: from the first account on, every entry is signed by the account that acted, with the key
//    the log itself recorded for it (the first administrator's entry is signed by the key it records; every
//    later key is recorded in an entry signed by an administrator). Someone holding the database key can
//    recompute every hash, but not sign as anyone: a re-hashed chain fails here;
// 3. the records against what was signed: each decision, policy version and draft sign-off is rebuilt from
//    its rows and must give the content hash its author signed, and match its audit entry; the accounts'
//    public keys must be the ones the log recorded;
// 4. a checkpoint exported earlier (kept outside the database): its entry must still be there, unchanged.
import type { Draft } from '../../shared/domain/drafting';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { Level } from '../../shared/domain/enums';
import type { AuditCheckpoint, AuditVerificationResult } from '../../shared/domain/audit';
import { assessedFields } from '../assessment/assessment-row';
import { contentHash } from '../crypto/content-hash';
import { verifyDigest } from '../crypto/credentials';
import type { Db } from '../db/types';
import { signoffContent, draftTextHash } from '../signed/approval';
import { decisionContent } from '../signed/decision';
import { policyContent } from '../signed/policy';
import { AuditLog } from './audit-log';
import { checkpointContent } from './checkpoint';
import { UNSIGNED_ACTIONS } from './unsigned';

type Problem = AuditVerificationResult['problems'][number];

/** Entries that record an account's public key (signed by an administrator, or the first one by itself). */
const KEY_ACTIONS = new Set(['account.created', 'account.enabled', 'account.passphrase-reset']);

/** What setup records of the records made before accounts (unsigned, and allowed to stay so). */
export interface UnsignedBefore {
  /** Decisions with an id up to this one were recorded before setup. */
  decisions: number;
  /** Policy versions up to this one were saved before setup. */
  policies: number;
  /** Draft sign-offs made before setup, as `draftId@version:step`. */
  signoffs: string[];
}

/** A signed entry, as the records are checked against it. */
interface SignedEntry {
  seq: number;
  accountId: string;
  publicKey: string;
  contentHash: unknown;
  signature: unknown;
}

interface EntryRow {
  seq: number;
  action: string;
  subject: string | null;
  details: string;
  hash: string;
  account_id: string | null;
  signature: string | null;
}

const MAX_PROBLEMS = 20;

export function verifyRecords(
  db: Db,
  opts: { checkpoint?: AuditCheckpoint | undefined } = {},
): AuditVerificationResult {
  const chain = new AuditLog(db).verify();
  const problems: Problem[] = [...chain.problems];
  const add = (seq: number | null, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ seq, message });
  };
  if (hasColumn(db, 'audit_log', 'signature')) {
    const signed = verifySignatures(db, add);
    if (signed.rooted && hasTable(db, 'accounts')) verifyAccounts(db, signed, add);
    verifyDecisions(db, signed, add);
    verifyPolicies(db, signed, add);
    verifySignoffs(db, signed, add);
    if (opts.checkpoint) verifyCheckpoint(db, opts.checkpoint, signed.knownKeys, add);
  } else if (opts.checkpoint) verifyCheckpoint(db, opts.checkpoint, new Map(), add);
  return { ok: problems.length === 0, entries: chain.entries, problems };
}

interface SignedLog {
  /** False for a database from before accounts: nothing in it is signed. */
  rooted: boolean;
  /** Each account's key now, as the log recorded it. */
  keys: Map<string, string>;
  /** Every key the log ever recorded for each account. */
  knownKeys: Map<string, Set<string>>;
  decisions: Map<number, SignedEntry>;
  policies: Map<number, SignedEntry>;
  signoffs: Map<string, SignedEntry>;
  unsignedBefore: UnsignedBefore;
}

function verifySignatures(db: Db, add: (seq: number | null, message: string) => void): SignedLog {
  const log: SignedLog = {
    rooted: false,
    keys: new Map(),
    knownKeys: new Map(),
    decisions: new Map(),
    policies: new Map(),
    signoffs: new Map(),
    unsignedBefore: { decisions: 0, policies: 1, signoffs: [] },
  };
  const learn = (accountId: unknown, publicKey: unknown) => {
    if (typeof accountId !== 'string' || typeof publicKey !== 'string') return;
    log.keys.set(accountId, publicKey);
    const known = log.knownKeys.get(accountId) ?? new Set<string>();
    known.add(publicKey);
    log.knownKeys.set(accountId, known);
  };
  const rows = db
    .prepare('SELECT seq, action, subject, details, hash, account_id, signature FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<EntryRow>;
  for (const row of rows) {
    const details = parseDetails(row.details);
    if (!log.rooted) {
      if (row.action !== 'account.created') {
        // Before the first account: an earlier version's entries, unsigned (the signatures after them
        // cover them through the chain).
        if (row.account_id || row.signature)
          add(row.seq, `entry ${row.seq} claims a signature before any account existed`);
        continue;
      }
      // The first administrator vouches for themselves: the entry is signed by the key it records.
      log.rooted = true;
      if (
        row.account_id !== details.accountId ||
        typeof details.publicKey !== 'string' ||
        !row.signature ||
        !verifyDigest(details.publicKey, row.hash, row.signature)
      )
        add(
          row.seq,
          `entry ${row.seq}, which creates the first account, is not signed by that account's key`,
        );
      learn(details.accountId, details.publicKey);
      continue;
    }
    if (!row.account_id || !row.signature) {
      if (!(UNSIGNED_ACTIONS.has(row.action) && !row.account_id && !row.signature))
        add(row.seq, `entry ${row.seq} (${row.action}) is not signed by anyone`);
      continue;
    }
    const publicKey = log.keys.get(row.account_id);
    if (!publicKey) {
      add(row.seq, `entry ${row.seq} is signed as an account that the log never created`);
      continue;
    }
    if (!verifyDigest(publicKey, row.hash, row.signature)) {
      add(
        row.seq,
        `entry ${row.seq}'s signature does not match it: it was changed, or the chain re-hashed, after ` +
          `it was signed`,
      );
      continue;
    }
    const entry = (d: Record<string, unknown>): SignedEntry => ({
      seq: row.seq,
      accountId: row.account_id ?? '',
      publicKey,
      contentHash: d.contentHash,
      signature: d.signature,
    });
    if (KEY_ACTIONS.has(row.action)) learn(details.accountId, details.publicKey);
    else if (row.action === 'setup.completed') log.unsignedBefore = unsignedBeforeOf(details.unsignedBefore);
    else if (row.action === 'decision.recorded' && typeof details.decision === 'number')
      log.decisions.set(details.decision, entry(details));
    else if (row.action === 'policy.changed' && typeof details.to === 'number')
      log.policies.set(details.to, entry(details));
    else if (
      (row.action === 'draft.approved' || row.action === 'draft.reviewed') &&
      row.subject?.startsWith('draft:')
    )
      log.signoffs.set(
        signoffKey(
          row.subject.slice('draft:'.length),
          Number(details.version),
          row.action.slice('draft.'.length),
        ),
        entry(details),
      );
  }
  return log;
}

function verifyAccounts(db: Db, log: SignedLog, add: (seq: number | null, message: string) => void): void {
  const accounts = db.prepare('SELECT id, name, public_key FROM accounts ORDER BY id').all() as {
    id: string;
    name: string;
    public_key: string;
  }[];
  for (const a of accounts) {
    const recorded = log.keys.get(a.id);
    if (!recorded) add(null, `the account ${a.name} was never created in the audit log`);
    else if (recorded !== a.public_key)
      add(null, `the account ${a.name} has a signing key other than the one the audit log recorded for it`);
  }
}

interface DecisionJoinRow {
  id: number;
  assessment_id: number;
  recommended_level: Level;
  level: Level;
  rationale: string;
  decided_at: string;
  account_id: string | null;
  content_hash: string | null;
  signature: string | null;
  threat_ids: string;
  cluster: number;
  a_level: Level;
  score: number;
  policy_version: number;
  threat_versions: string;
  as_of: string;
  result: string;
}

function verifyDecisions(db: Db, log: SignedLog, add: (seq: number | null, message: string) => void): void {
  // A table gone is checked as empty: every record the log says was signed in it is then missing.
  const rows =
    !hasTable(db, 'decisions') || !hasTable(db, 'assessments')
      ? []
      : (db
          .prepare(
            `SELECT d.id, d.assessment_id, d.recommended_level, d.level, d.rationale, d.decided_at, d.account_id,
          d.content_hash, d.signature, a.threat_ids, a.cluster, a.level AS a_level, a.score, a.policy_version,
          a.threat_versions, a.as_of, a.result
       FROM decisions d LEFT JOIN assessments a ON a.id = d.assessment_id ORDER BY d.id`,
          )
          .all() as DecisionJoinRow[]);
  const seen = new Set<number>();
  for (const r of rows) {
    seen.add(r.id);
    const entry = log.decisions.get(r.id);
    if (!entry) {
      if (log.rooted && r.id > log.unsignedBefore.decisions)
        add(null, `decision ${r.id} has no signed audit entry: it was added to the database directly`);
      continue;
    }
    const hash =
      r.account_id && r.result
        ? contentHash(
            decisionContent(
              {
                recommendedLevel: r.recommended_level,
                level: r.level,
                rationale: r.rationale,
                accountId: r.account_id,
                decidedAt: r.decided_at,
              },
              {
                ...assessedFields({ ...r, id: r.assessment_id, level: r.a_level }),
                result: JSON.parse(r.result) as AssessmentResult,
              },
            ),
          )
        : null;
    if (!matches(entry, r.account_id, hash, r.content_hash, r.signature))
      add(
        entry.seq,
        `decision ${r.id} does not match what its author signed (entry ${entry.seq}): it was edited`,
      );
  }
  for (const [id, entry] of log.decisions)
    if (!seen.has(id)) add(entry.seq, `decision ${id}, recorded in entry ${entry.seq}, is missing`);
}

function verifyPolicies(db: Db, log: SignedLog, add: (seq: number | null, message: string) => void): void {
  const rows = !hasTable(db, 'policies')
    ? []
    : (db
        .prepare(
          'SELECT version, doc, saved_at, account_id, content_hash, signature FROM policies ORDER BY version',
        )
        .all() as {
        version: number;
        doc: string;
        saved_at: string;
        account_id: string | null;
        content_hash: string | null;
        signature: string | null;
      }[]);
  const seen = new Set<number>();
  for (const r of rows) {
    seen.add(r.version);
    const entry = log.policies.get(r.version);
    if (!entry) {
      if (log.rooted && r.version > log.unsignedBefore.policies)
        add(
          null,
          `policy version ${r.version} has no signed audit entry: it was added to the database directly`,
        );
      continue;
    }
    const hash = r.account_id
      ? contentHash(
          policyContent({
            version: r.version,
            doc: JSON.parse(r.doc) as unknown,
            accountId: r.account_id,
            savedAt: r.saved_at,
          }),
        )
      : null;
    if (!matches(entry, r.account_id, hash, r.content_hash, r.signature))
      add(
        entry.seq,
        `policy version ${r.version} does not match what was signed (entry ${entry.seq}): it was edited`,
      );
  }
  for (const [version, entry] of log.policies)
    if (!seen.has(version))
      add(entry.seq, `policy version ${version}, saved in entry ${entry.seq}, is missing`);
}

function verifySignoffs(db: Db, log: SignedLog, add: (seq: number | null, message: string) => void): void {
  const rows = db
    .prepare('SELECT draft_id, version, doc FROM draft_versions ORDER BY draft_id, version')
    .all() as {
    draft_id: string;
    version: number;
    doc: string;
  }[];
  const seen = new Set<string>();
  const legacy = new Set(log.unsignedBefore.signoffs);
  for (const r of rows) {
    const draft = JSON.parse(r.doc) as Draft;
    for (const step of ['reviewed', 'approved'] as const) {
      const signoff = draft.approvals?.[step];
      if (!signoff) continue;
      const key = signoffKey(r.draft_id, r.version, step);
      seen.add(key);
      const entry = log.signoffs.get(key);
      if (!entry) {
        if (log.rooted && !legacy.has(key))
          add(
            null,
            `draft ${r.draft_id} version ${r.version} claims to be ${step} without a signed audit entry`,
          );
        continue;
      }
      const hash =
        signoff.accountId && signoff.at
          ? contentHash(
              signoffContent({
                draftId: r.draft_id,
                version: r.version,
                step,
                textHash: draftTextHash(draft),
                accountId: signoff.accountId,
                at: signoff.at,
              }),
            )
          : null;
      if (
        !matches(
          entry,
          signoff.accountId ?? null,
          hash,
          signoff.contentHash ?? null,
          signoff.signature ?? null,
        )
      )
        add(
          entry.seq,
          `draft ${r.draft_id} version ${r.version} does not match what was ${step} (entry ${entry.seq}): ` +
            `its text or sign-off was edited`,
        );
    }
  }
  for (const [key, entry] of log.signoffs)
    if (!seen.has(key)) add(entry.seq, `the sign-off ${key}, recorded in entry ${entry.seq}, is missing`);
}

function verifyCheckpoint(
  db: Db,
  checkpoint: AuditCheckpoint,
  knownKeys: Map<string, Set<string>>,
  add: (seq: number | null, message: string) => void,
): void {
  const signedBy = knownKeys.get(checkpoint.accountId);
  if (
    !verifyDigest(checkpoint.publicKey, contentHash(checkpointContent(checkpoint)), checkpoint.signature) ||
    !signedBy?.has(checkpoint.publicKey)
  ) {
    add(
      checkpoint.seq,
      `the checkpoint is not signed by ${checkpoint.name} as this database knows them: it belongs to another ` +
        `database, or the log was rewritten`,
    );
    return;
  }
  const row = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(checkpoint.seq) as
    { hash: string } | undefined;
  if (!row) {
    const last = (db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
    add(
      checkpoint.seq,
      `the log ends at entry ${last}, before entry ${checkpoint.seq} of the checkpoint of ${checkpoint.at}: ` +
        `entries were removed`,
    );
  } else if (row.hash !== checkpoint.hash)
    add(
      checkpoint.seq,
      `entry ${checkpoint.seq} is not the one the checkpoint of ${checkpoint.at} recorded: the log was rewritten`,
    );
}

/** A record agrees with its signed entry: same account, same content hash (recomputed from the rows), the
 *  same signature, and the signature is the entry's author's. */
function matches(
  entry: SignedEntry,
  accountId: string | null,
  recomputed: string | null,
  storedHash: string | null,
  signature: string | null,
): boolean {
  return (
    accountId === entry.accountId &&
    recomputed !== null &&
    recomputed === storedHash &&
    recomputed === entry.contentHash &&
    signature !== null &&
    signature === entry.signature &&
    verifyDigest(entry.publicKey, recomputed, signature)
  );
}

function signoffKey(draftId: string, version: number, step: string): string {
  return `${draftId}@${version}:${step}`;
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function unsignedBeforeOf(value: unknown): UnsignedBefore {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<UnsignedBefore>;
  return {
    decisions: typeof v.decisions === 'number' ? v.decisions : 0,
    policies: typeof v.policies === 'number' ? v.policies : 1,
    signoffs: Array.isArray(v.signoffs) ? v.signoffs.filter((s) => typeof s === 'string') : [],
  };
}

function hasTable(db: Db, table: string): boolean {
  return (
    db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) ===
    1
  );
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).includes(
    column,
  );
}

/** What setup records of the database it starts from: the records made before accounts. */
export function unsignedBefore(db: Db): UnsignedBefore {
  const decisions = (db.prepare('SELECT max(id) FROM decisions').pluck().get() as number | null) ?? 0;
  const policies = (db.prepare('SELECT max(version) FROM policies').pluck().get() as number | null) ?? 1;
  const signoffs: string[] = [];
  for (const r of db.prepare('SELECT draft_id, version, doc FROM draft_versions').all() as {
    draft_id: string;
    version: number;
    doc: string;
  }[]) {
    const draft = JSON.parse(r.doc) as Draft;
    for (const step of ['reviewed', 'approved'] as const)
      if (draft.approvals?.[step]) signoffs.push(signoffKey(r.draft_id, r.version, step));
  }
  return { decisions, policies, signoffs };
}
