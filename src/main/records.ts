// What every versioned, soft-deleted record (threats, partners) obeys when it is written: new ids,
// no edit of a deleted record or of a version someone else has changed since, and no new version
// for an edit that changes nothing.
import { randomBytes } from 'node:crypto';
import type { RecordMeta } from '../shared/domain/records';
import { AppError, staleWrite } from '../shared/errors';
import type { ServiceContext } from './context';
import type { WriteInfo } from './db/versioned-documents';

/** `T-20270512-a1b2c3`: the kind, the day it was made (UTC) and six random hex digits. */
export function newRecordId(prefix: string, now: Date): string {
  return `${prefix}-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** JSON with object keys sorted, so that two equal documents compare equal as text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Whether two documents are the same whatever the order of their keys. */
export function unchanged(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** A record may be edited when it is live and still at the version the editor opened. A stale edit is
 *  refused with who changed it and both versions (`versions`: the record stored now, and the one sent). */
export function assertEditable(
  kind: string,
  id: string,
  meta: RecordMeta,
  expectedVersion: number,
  versions?: { theirs: unknown; yours: unknown },
): void {
  if (meta.deletedAt)
    throw new AppError('conflict', { id: 'records/deleted-before-editing', params: { kind, id } });
  if (meta.version !== expectedVersion) {
    throw staleWrite(
      {
        kind: kind.toLowerCase(),
        id,
        changedBy: meta.changedBy,
        changedAt: meta.updatedAt,
        theirs: { version: meta.version, record: versions?.theirs ?? null },
        yours: { version: expectedVersion, record: versions?.yours ?? null },
      },
      kind.toLowerCase(),
    );
  }
}

/**
 * Deletes a record or undoes its delete, in one transaction. Soft: the record and its versions are kept.
 * Asking for the state it is in already changes nothing; otherwise `write` stores the change as a new
 * version and `done` records it (the audit entry, events), given the record as it was.
 */
export function setRecordDeleted<D extends { meta: RecordMeta }>(
  ctx: Pick<ServiceContext, 'db' | 'writeInfo'>,
  deleted: boolean,
  steps: {
    detail: () => D;
    write: (info: WriteInfo) => number;
    done: (change: 'deleted' | 'undeleted', version: number, before: D) => void;
  },
): D {
  return ctx.db.transaction(() => {
    const current = steps.detail();
    if (Boolean(current.meta.deletedAt) === deleted) return current;
    const change = deleted ? 'deleted' : 'undeleted';
    steps.done(change, steps.write(ctx.writeInfo(change)), current);
    return steps.detail();
  })();
}

/** An older version may be restored while the record is live. */
export function assertRestorable(kind: string, id: string, meta: RecordMeta): void {
  if (meta.deletedAt)
    throw new AppError('conflict', { id: 'records/deleted-before-restoring', params: { kind, id } });
}
