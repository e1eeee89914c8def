// Elections in SQLite, stored as their contract document.
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import type { Election } from '../../shared/domain/workspace';

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

  isDeleted(id: string): boolean {
    return (
      cached(this.db, 'SELECT 1 FROM elections WHERE id = ? AND deleted_at IS NOT NULL').get(id) !== undefined
    );
  }

  /** Inserts or replaces; returns what happened. */
  upsert(election: Election, at: string): 'created' | 'updated' | 'unchanged' {
    const doc = JSON.stringify(election);
    const existing = cached(this.db, 'SELECT doc, deleted_at FROM elections WHERE id = ?').get(
      election.id,
    ) as { doc: string; deleted_at: string | null } | undefined;
    if (!existing) {
      cached(
        this.db,
        'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES ' +
          '(?, ?, ?, ?, ?, ?)',
      ).run(election.id, doc, election.name, election.pollingDay, at, at);
      return 'created';
    }
    if (existing.doc === doc && existing.deleted_at === null) return 'unchanged';
    cached(
      this.db,
      'UPDATE elections SET doc = ?, name = ?, polling_day = ?, version = version + 1, updated_at ' +
        '= ?, deleted_at = NULL WHERE id = ?',
    ).run(doc, election.name, election.pollingDay, at, election.id);
    return 'updated';
  }

  softDelete(id: string, at: string): void {
    cached(this.db, 'UPDATE elections SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
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
