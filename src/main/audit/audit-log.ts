// Append-only, hash-chained audit log. Each entry's hash covers its content and the previous
// hash, so an edited, deleted or reordered entry breaks the chain; the head (last seq and hash)
// is also kept in settings so that entries cut from the end are detected too.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerificationResult } from '../../shared/domain/audit';
import type { Db } from '../db/types';

export interface AuditInput {
  action: string;
  subject?: string | null;
  actor?: string | null;
  role?: string | null;
  details?: unknown;
}

export type { AuditEntry };
export type AuditVerification = AuditVerificationResult;

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

/** An entry as the table holds it: its details as text, the chain's link in the column's name. */
type AuditRow = Omit<AuditEntry, 'details' | 'prevHash'> & { details: string; prev_hash: string };

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.role,
    row.action,
    row.subject,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditLog {
  private readonly insert;
  private readonly last;
  private readonly setHead;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (seq, at, actor, role, action, subject, details, prev_hash, ' +
        'hash) VALUES (@seq, @at, @actor, @role, @action, @subject, @details, @prev_hash, @hash)',
    );
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.setHead = db.prepare(
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
    };
    const hash = entryHash(row);
    this.insert.run({ ...row, hash });
    this.setHead.run(HEAD_KEY, JSON.stringify({ seq: row.seq, hash }));
    return toEntry({ ...row, hash });
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

function toEntry({ details, prev_hash, ...row }: AuditRow): AuditEntry {
  return { ...row, details: JSON.parse(details) as unknown, prevHash: prev_hash };
}
