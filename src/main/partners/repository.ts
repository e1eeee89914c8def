// Partners in SQLite, kept as versioned, soft-deleted documents. Returns domain objects (partner
// documents with their meta), never rows.
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import { recordMeta, VersionedTable, type StoredMeta, type WriteInfo } from '../db/versioned-documents';
import type { Partner, PartnerDetail, PartnerVersion } from '../../shared/domain/partners';
import { lastContactDate } from './readiness';

export type { WriteInfo };

type StoredPartner = StoredMeta & { doc: string; last_contacted: string | null };

const COLUMNS =
  'rowid, doc, version, last_change, changed_by, created_at, updated_at, deleted_at, last_contacted';

function toDetail(row: StoredPartner): PartnerDetail {
  return {
    partner: JSON.parse(row.doc) as Partner,
    meta: recordMeta(row),
    lastContacted: row.last_contacted,
  };
}

const COLUMNS_WRITTEN = ['id', 'doc', 'name', 'kind', 'last_contacted'];
const COLUMNS_REPLACED = COLUMNS_WRITTEN.filter((c) => c !== 'id');

/** The columns a partner fills. */
function columns(partner: Partner) {
  return {
    id: partner.id,
    doc: JSON.stringify(partner),
    name: partner.name,
    kind: partner.kind,
    last_contacted: lastContactDate(partner),
  };
}

export class PartnerRepository {
  private readonly table: VersionedTable;

  constructor(private readonly db: Db) {
    this.table = new VersionedTable(db, 'partner', { documents: 'partners' });
  }

  exists(id: string): boolean {
    return this.table.exists(id);
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
    return cached(this.db, 'SELECT count(*) FROM partners WHERE deleted_at IS NULL').pluck().get() as number;
  }

  insert(partner: Partner, info: WriteInfo): void {
    this.table.insert(COLUMNS_WRITTEN, columns(partner), info);
  }

  /** Replaces the current version, keeping it whole in partner_versions first. Returns the new version. */
  update(partner: Partner, info: WriteInfo): number {
    return this.table.replace(partner.id, COLUMNS_REPLACED, columns(partner), info).version;
  }

  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    return this.table.setDeleted(id, deleted, info);
  }

  versions(id: string): PartnerVersion[] {
    const current = this.get(id);
    return this.table.versions(id, current && { meta: current.meta, doc: current.partner }, 'partner');
  }
}
