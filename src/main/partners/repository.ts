// Partners in SQLite. Returns domain objects (partner documents with their meta), never rows.
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import type { Partner, PartnerDetail, PartnerVersion } from '../../shared/domain/partners';
import { lastContactDate, type UsageCount } from './readiness';

interface StoredPartner {
  rowid: number;
  doc: string;
  version: number;
  last_change: string;
  changed_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  last_contacted: string | null;
}

export interface WriteInfo {
  change: string;
  by: string | null;
  at: string;
}

const COLUMNS =
  'rowid, doc, version, last_change, changed_by, created_at, updated_at, deleted_at, last_contacted';

function toDetail(row: StoredPartner): PartnerDetail {
  return {
    partner: JSON.parse(row.doc) as Partner,
    meta: {
      version: row.version,
      lastChange: row.last_change,
      changedBy: row.changed_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    },
    lastContacted: row.last_contacted,
  };
}

export class PartnerRepository {
  constructor(private readonly db: Db) {}

  exists(id: string): boolean {
    return cached(this.db, 'SELECT 1 FROM partners WHERE id = ?').get(id) !== undefined;
  }

  get(id: string): PartnerDetail | undefined {
    const row = cached(this.db, `SELECT ${COLUMNS} FROM partners WHERE id = ?`).get(id) as
      StoredPartner | undefined;
    return row ? toDetail(row) : undefined;
  }

  /** Live partners by name, or the deleted ones (to undo a delete). */
  list(opts: { deleted?: boolean } = {}): PartnerDetail[] {
    const where = opts.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL';
    return (
      cached(
        this.db,
        `SELECT ${COLUMNS} FROM partners WHERE ${where} ORDER BY name COLLATE NOCASE, rowid`,
      ).all() as StoredPartner[]
    ).map(toDetail);
  }

  /** Live partner documents in the order they were first recorded (export keeps the imported order). */
  listInOrder(): Partner[] {
    return (
      cached(this.db, 'SELECT doc FROM partners WHERE deleted_at IS NULL ORDER BY rowid')
        .pluck()
        .all() as string[]
    ).map((d) => JSON.parse(d) as Partner);
  }

  count(): number {
    return (
      (cached(this.db, 'SELECT count(*) FROM partners WHERE deleted_at IS NULL').pluck().get() as number) ?? 0
    );
  }

  insert(partner: Partner, info: WriteInfo): void {
    cached(
      this.db,
      `INSERT INTO partners (id, doc, name, kind, last_contacted, version, last_change, changed_by, created_at, updated_at)
       VALUES (@id, @doc, @name, @kind, @lastContacted, 1, @change, @by, @at, @at)`,
    ).run({ ...columns(partner), change: info.change, by: info.by, at: info.at });
  }

  /** Replaces the current version, keeping it whole in partner_versions first. Returns the new version. */
  update(partner: Partner, info: WriteInfo): number {
    this.keepCurrentVersion(partner.id);
    cached(
      this.db,
      `UPDATE partners SET doc = @doc, name = @name, kind = @kind, last_contacted = @lastContacted, version = version + 1,
        last_change = @change, changed_by = @by, updated_at = @at WHERE id = @id`,
    ).run({ ...columns(partner), change: info.change, by: info.by, at: info.at });
    return this.version(partner.id);
  }

  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    this.keepCurrentVersion(id);
    cached(
      this.db,
      'UPDATE partners SET deleted_at = @deletedAt, version = version + 1, last_change = @change, changed_by = @by, updated_at = @at WHERE id = @id',
    ).run({ id, deletedAt: deleted ? info.at : null, change: info.change, by: info.by, at: info.at });
    return this.version(id);
  }

  versions(id: string): PartnerVersion[] {
    const current = this.get(id);
    if (!current) return [];
    const older = cached(
      this.db,
      'SELECT version, doc, change, changed_by, changed_at, deleted_at FROM partner_versions WHERE partner_id = ? ORDER BY version DESC',
    ).all(id) as {
      version: number;
      doc: string;
      change: string;
      changed_by: string | null;
      changed_at: string;
      deleted_at: string | null;
    }[];
    return [
      {
        version: current.meta.version,
        change: current.meta.lastChange,
        changedBy: current.meta.changedBy,
        changedAt: current.meta.updatedAt,
        deletedAt: current.meta.deletedAt,
        current: true,
        partner: current.partner,
      },
      ...older.map((v) => ({
        version: v.version,
        change: v.change,
        changedBy: v.changed_by,
        changedAt: v.changed_at,
        deletedAt: v.deleted_at,
        current: false,
        partner: JSON.parse(v.doc) as Partner,
      })),
    ];
  }

  /** How many live threats (of one election, or all) use each channel or region. */
  threatUsage(what: 'channel' | 'region', electionId: string | null): UsageCount[] {
    const table = what === 'channel' ? 'threat_channels' : 'threat_regions';
    const scope = electionId ? 'AND t.election_id = ?' : '';
    return cached(
      this.db,
      `SELECT x.${what} AS name, count(*) AS threats FROM threats t CROSS JOIN ${table} x ON x.threat_rowid = t.rowid
       WHERE t.deleted_at IS NULL ${scope} GROUP BY x.${what} ORDER BY threats DESC LIMIT 1000`,
    ).all(...(electionId ? [electionId] : [])) as UsageCount[];
  }

  private version(id: string): number {
    return cached(this.db, 'SELECT version FROM partners WHERE id = ?').pluck().get(id) as number;
  }

  private keepCurrentVersion(id: string): void {
    const row = cached(
      this.db,
      'SELECT doc, version, last_change, changed_by, updated_at, deleted_at FROM partners WHERE id = ?',
    ).get(id) as
      | {
          doc: string;
          version: number;
          last_change: string;
          changed_by: string | null;
          updated_at: string;
          deleted_at: string | null;
        }
      | undefined;
    if (!row) throw new Error(`partner ${id} does not exist`);
    cached(
      this.db,
      'INSERT INTO partner_versions (partner_id, version, doc, change, changed_by, changed_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, row.version, row.doc, row.last_change, row.changed_by, row.updated_at, row.deleted_at);
  }
}

function columns(partner: Partner) {
  return {
    id: partner.id,
    doc: JSON.stringify(partner),
    name: partner.name,
    kind: partner.kind,
    lastContacted: lastContactDate(partner),
  };
}
