// Outcome observations in SQLite, kept as versioned, soft-deleted documents (the one owner of the
// outcomes tables). Returns domain objects, never rows.
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import { recordMeta, VersionedTable, type StoredMeta, type WriteInfo } from '../db/versioned-documents';
import type { Outcome, OutcomeDetail, OutcomeVersion } from '../../shared/domain/outcomes';

type StoredOutcome = StoredMeta & { doc: string };

const COLUMNS = 'rowid, doc, version, last_change, changed_by, created_at, updated_at, deleted_at';
const COLUMNS_WRITTEN = ['id', 'doc', 'threat_id', 'observed_on'];
const COLUMNS_REPLACED = COLUMNS_WRITTEN.filter((c) => c !== 'id');

function toDetail(row: StoredOutcome): OutcomeDetail {
  return { outcome: JSON.parse(row.doc) as Outcome, meta: recordMeta(row) };
}

function columns(outcome: Outcome) {
  return {
    id: outcome.id,
    doc: JSON.stringify(outcome),
    threat_id: outcome.threatId,
    observed_on: outcome.date,
  };
}

export class OutcomeRepository {
  private readonly table: VersionedTable;

  constructor(private readonly db: Db) {
    this.table = new VersionedTable(db, 'outcome', { documents: 'outcomes' });
  }

  exists(id: string): boolean {
    return this.table.exists(id);
  }

  get(id: string): OutcomeDetail | undefined {
    const row = cached(this.db, `SELECT ${COLUMNS} FROM outcomes WHERE id = ?`).get(id) as
      StoredOutcome | undefined;
    return row ? toDetail(row) : undefined;
  }

  /** A threat's observations, oldest first (live ones, or the deleted ones to undo a delete). */
  forThreat(threatId: string, opts: { deleted?: boolean } = {}): OutcomeDetail[] {
    const where = opts.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL';
    return (
      cached(
        this.db,
        `SELECT ${COLUMNS} FROM outcomes WHERE threat_id = ? AND ${where} ORDER BY observed_on, rowid`,
      ).all(threatId) as StoredOutcome[]
    ).map(toDetail);
  }

  /** Every live observation of these threats (all threats when `ids` is absent), oldest first. */
  live(ids?: readonly string[]): Outcome[] {
    const rows = cached(
      this.db,
      'SELECT doc, threat_id FROM outcomes WHERE deleted_at IS NULL ORDER BY observed_on, rowid',
    ).all() as { doc: string; threat_id: string }[];
    const wanted = ids ? new Set(ids) : null;
    return rows.filter((r) => !wanted || wanted.has(r.threat_id)).map((r) => JSON.parse(r.doc) as Outcome);
  }

  insert(outcome: Outcome, info: WriteInfo): void {
    this.table.insert(COLUMNS_WRITTEN, columns(outcome), info);
  }

  update(outcome: Outcome, info: WriteInfo): number {
    return this.table.replace(outcome.id, COLUMNS_REPLACED, columns(outcome), info).version;
  }

  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    return this.table.setDeleted(id, deleted, info);
  }

  versions(id: string): OutcomeVersion[] {
    const current = this.get(id);
    return this.table.versions(id, current && { meta: current.meta, doc: current.outcome }, 'outcome');
  }
}
