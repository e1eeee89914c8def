// Append-only, hash-chained audit log. Each entry's hash covers its content and the previous
// hash, so an edited, deleted or reordered entry breaks the chain; the head (last seq and hash)
// is also kept in settings so that entries cut from the end are detected too. Each entry is signed by
// the account that acted (Ed25519 over its hash, which covers the account id), so that someone holding
// the database key cannot rewrite the chain and recompute it: they cannot sign as anyone.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerificationResult } from '../../shared/domain/audit';
import type { Db } from '../db/types';
import { cached } from '../db/statements';

export interface AuditInput {
  action: string;
  subject?: string | null;
  actor?: string | null;
  role?: string | null;
  details?: unknown;
  /** The acting account: its id is part of the hash, and `sign` signs the hash as that account. */
  accountId?: string | null;
  sign?: ((hash: string) => string) | null;
}

export type { AuditEntry };
export type AuditVerification = AuditVerificationResult;

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

/** An entry as stored: the same fields, in snake_case, with its details as JSON text. */
interface AuditRow extends Pick<
  AuditEntry,
  'seq' | 'at' | 'actor' | 'role' | 'action' | 'subject' | 'hash' | 'signature'
> {
  details: string;
  prev_hash: string;
  account_id: string | null;
}

/** The entry's hash: its fields and the previous hash (and the acting account, for entries that have one;
 *  entries from before accounts hash as they always did). */
export function entryHash(
  row: Omit<AuditRow, 'hash' | 'signature' | 'account_id'> & { account_id?: string | null },
): string {
  const fields: unknown[] = [
    row.seq,
    row.at,
    row.actor,
    row.role,
    row.action,
    row.subject,
    row.details,
    row.prev_hash,
  ];
  if (row.account_id) fields.push(row.account_id);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  // Prepared on first use: a backup of an earlier schema is read (verified) without them.
  private get insert() {
    return cached(
      this.db,
      'INSERT INTO audit_log (seq, at, actor, role, action, subject, details, prev_hash, hash, ' +
        'account_id, signature) VALUES (@seq, @at, @actor, @role, @action, @subject, @details, ' +
        '@prev_hash, @hash, @account_id, @signature)',
    );
  }

  private get last() {
    return cached(this.db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  }

  private get setHead() {
    return cached(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  /** Appends an entry. Call inside the transaction of the change it records. */
  append(input: AuditInput): AuditEntry {
    const prev = this.last.get() as { seq: number; hash: string } | undefined;
    // Hash exactly what SQLite will store: its UTF-8 text cannot hold a lone surrogate (it stores
    // U+FFFD instead), so a name typed with one would otherwise read back as "edited after it was written".
    const row = {
      seq: (prev?.seq ?? 0) + 1,
      at: this.clock().toISOString(),
      actor: wellFormed(input.actor),
      role: wellFormed(input.role),
      action: wellFormed(input.action),
      subject: wellFormed(input.subject),
      details: JSON.stringify(input.details ?? {}),
      prev_hash: prev?.hash ?? GENESIS,
      account_id: input.accountId ?? null,
    };
    const hash = entryHash(row);
    const signature = input.sign ? input.sign(hash) : null;
    this.insert.run({ ...row, hash, signature });
    this.setHead.run(HEAD_KEY, JSON.stringify({ seq: row.seq, hash }));
    return toEntry({ ...row, hash, signature });
  }

  list(opts: { subject?: string; limit?: number; beforeSeq?: number } = {}): AuditEntry[] {
    const limit = Math.min(opts.limit ?? 200, 1000);
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.subject) {
      where.push('subject = ?');
      params.push(opts.subject);
    }
    if (opts.beforeSeq) {
      where.push('seq < ?');
      params.push(opts.beforeSeq);
    }
    const sql =
      `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER ` +
      `BY seq DESC LIMIT ${limit}`;
    return (this.db.prepare(sql).all(...params) as AuditRow[]).map(toEntry);
  }

  verify(): AuditVerification {
    const problems: AuditVerification['problems'] = [];
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let count = 0;
    let lastHash = GENESIS;
    for (const row of this.db
      .prepare('SELECT * FROM audit_log ORDER BY seq')
      .iterate() as IterableIterator<AuditRow>) {
      count++;
      if (problems.length === 0) {
        if (row.seq !== expectedSeq) {
          problems.push({
            seq: row.seq,
            message: `entry ${expectedSeq} is missing or out of order (found ${row.seq})`,
          });
        } else if (row.prev_hash !== prevHash) {
          problems.push({
            seq: row.seq,
            message: `entry ${row.seq} does not follow entry ${row.seq - 1}: an entry before it was changed or removed`,
          });
        } else if (entryHash(row) !== row.hash) {
          problems.push({ seq: row.seq, message: `entry ${row.seq} was edited after it was written` });
        }
      }
      expectedSeq = row.seq + 1;
      prevHash = row.hash;
      lastHash = row.hash;
    }
    const headRow = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as
      { value: string } | undefined;
    if (problems.length === 0) {
      if (headRow) {
        const head = JSON.parse(headRow.value) as { seq: number; hash: string };
        if (head.seq !== count || head.hash !== lastHash) {
          problems.push({
            seq: head.seq,
            message:
              `the log should end at entry ${head.seq}, but ends at entry ${count}: entries were ` +
              `removed from the end`,
          });
        }
      } else if (count > 0) {
        problems.push({ seq: null, message: 'the record of the last entry is missing' });
      }
    }
    return { ok: problems.length === 0, entries: count, problems };
  }
}

/** String.prototype.toWellFormed (ES2024): lone surrogates become U+FFFD, as SQLite stores them. */
function wellFormed(s: string): string;
function wellFormed(s: string | null | undefined): string | null;
function wellFormed(s: string | null | undefined): string | null {
  return s === undefined || s === null
    ? null
    : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    role: row.role,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
    accountId: row.account_id,
    signature: row.signature,
  };
}
