// Elections in SQLite, stored as their contract document.
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import type { Election } from '../../shared/domain/workspace';
import type { ElectionDetail } from '../../shared/domain/elections';

export class ElectionRepository {
  constructor(private readonly db: Db) {}

  list(): Election[] {
    return (
      cached(this.db, 'SELECT doc FROM elections WHERE deleted_at IS NULL ORDER BY polling_day DESC, rowid')
        .pluck()
        .all() as string[]
    ).map((doc) => JSON.parse(doc) as Election);
  }

  /** In the order they were first recorded (export keeps the order of the imported file). */
  listInOrder(): Election[] {
    return (
      cached(this.db, 'SELECT doc FROM elections WHERE deleted_at IS NULL ORDER BY rowid')
        .pluck()
        .all() as string[]
    ).map((doc) => JSON.parse(doc) as Election);
  }

  get(id: string, opts: { includeDeleted?: boolean } = {}): Election | undefined {
    const sql = opts.includeDeleted
      ? 'SELECT doc FROM elections WHERE id = ?'
      : 'SELECT doc FROM elections WHERE id = ? AND deleted_at IS NULL';
    const doc = cached(this.db, sql).pluck().get(id) as string | undefined;
    return doc ? (JSON.parse(doc) as Election) : undefined;
  }

  /** The election with its version and who made it (a deleted one too: an editor may have it open). */
  detail(id: string): ElectionDetail | undefined {
    const row = cached(
      this.db,
      'SELECT doc, version, changed_by, created_at, updated_at, deleted_at FROM elections WHERE id = ?',
    ).get(id) as
      | {
          doc: string;
          version: number;
          changed_by: string | null;
          created_at: string;
          updated_at: string;
          deleted_at: string | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      election: JSON.parse(row.doc) as Election,
      meta: {
        version: row.version,
        changedBy: row.changed_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
      },
    };
  }

  isDeleted(id: string): boolean {
    return (
      cached(this.db, 'SELECT 1 FROM elections WHERE id = ? AND deleted_at IS NOT NULL').get(id) !== undefined
    );
  }

  /** Inserts or replaces (a new version, made `by` that account); returns what happened. */
  upsert(election: Election, at: string, by: string | null = null): 'created' | 'updated' | 'unchanged' {
    const doc = JSON.stringify(election);
    const existing = cached(this.db, 'SELECT doc, deleted_at FROM elections WHERE id = ?').get(
      election.id,
    ) as { doc: string; deleted_at: string | null } | undefined;
    if (!existing) {
      cached(
        this.db,
        'INSERT INTO elections (id, doc, name, polling_day, changed_by, created_at, updated_at) VALUES ' +
          '(?, ?, ?, ?, ?, ?, ?)',
      ).run(election.id, doc, election.name, election.pollingDay, by, at, at);
      return 'created';
    }
    if (existing.doc === doc && existing.deleted_at === null) return 'unchanged';
    cached(
      this.db,
      'UPDATE elections SET doc = ?, name = ?, polling_day = ?, version = version + 1, changed_by = ?, ' +
        'updated_at = ?, deleted_at = NULL WHERE id = ?',
    ).run(doc, election.name, election.pollingDay, by, at, election.id);
    return 'updated';
  }

  /** A deletion is a version too: an editor open on the election meets it as a conflict. */
  softDelete(id: string, at: string, by: string | null = null): void {
    cached(
      this.db,
      'UPDATE elections SET deleted_at = ?, updated_at = ?, version = version + 1, changed_by = ? WHERE id = ?',
    ).run(at, at, by, id);
  }

  /** Every election (deleted ones too, so that their threats still have a calendar), parsed once. */
  allById(): Map<string, Election> {
    const map = new Map<string, Election>();
    for (const row of cached(this.db, 'SELECT id, doc FROM elections').all() as { id: string; doc: string }[])
      map.set(row.id, JSON.parse(row.doc) as Election);
    return map;
  }

  /** Each election's id, version and deletion, in id order: what changes when any calendar may have. */
  versions(): { id: string; version: number; d: string | null }[] {
    return cached(this.db, 'SELECT id, version, deleted_at AS d FROM elections ORDER BY id').all() as {
      id: string;
      version: number;
      d: string | null;
    }[];
  }

  count(): number {
    return (
      cached(this.db, 'SELECT count(*) AS n FROM elections WHERE deleted_at IS NULL').get() as { n: number }
    ).n;
  }
}
