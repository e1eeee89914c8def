// What STIX export reads: public threat documents with their dates and current level.
// It never touches the classified_notes table.
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import type { Level } from '../../shared/domain/enums';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import type { Threat } from '../../shared/domain/workspace';
import { buildWhere } from '../threats/list-query';
import type { ExportableThreat } from './build-bundle';

interface Row {
  doc: string;
  created_at: string;
  updated_at: string;
  level: Level | null;
  score: number | null;
}

function toExportable(row: Row): ExportableThreat {
  const { classifiedNotes: _never, ...threat } = JSON.parse(row.doc) as Threat;
  return {
    threat: threat as Threat,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    level: row.level,
    score: row.score,
  };
}

export class StixRepository {
  constructor(private readonly db: Db) {}

  /** Live threats of a selection (in the order given) or matching a log filter (in the order recorded). */
  exportable(opts: { filter: ThreatFilter; ids?: readonly string[] | undefined }): ExportableThreat[] {
    if (opts.ids) {
      const where = buildWhere({ ...opts.filter, deleted: undefined });
      const stmt = cached(
        this.db,
        `SELECT d.doc, t.created_at, t.updated_at, t.level, t.score FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ? AND ${where.sql}`,
      );
      const out: ExportableThreat[] = [];
      for (const id of new Set(opts.ids)) {
        const row = stmt.get(id, ...where.params) as Row | undefined;
        if (row) out.push(toExportable(row));
      }
      return out;
    }
    const where = buildWhere({ ...opts.filter, deleted: undefined });
    const rows = cached(
      this.db,
      `SELECT d.doc, t.created_at, t.updated_at, t.level, t.score FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE ${where.sql} ORDER BY t.rowid`,
    ).iterate(...where.params) as IterableIterator<Row>;
    return Array.from(rows, toExportable);
  }
}
