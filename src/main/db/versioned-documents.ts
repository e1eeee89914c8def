// A versioned, soft-deleted document table: each record's current row (its own columns, its version
// and who changed it last, when and how) and, in a history table, every superseded version whole,
// restorable. Nothing is hard-deleted. Threats and partners are kept so; each store says which
// columns a record has and what its whole document is, and this writes the rest.
import type { Db } from './types';
import type { RecordMeta, RecordVersionInfo } from '../../shared/domain/records';
import { cached } from './statements';

/** Who made a change, when, and what it was ("edited", "restored version 2", …). */
export interface WriteInfo {
  change: string;
  by: string | null;
  at: string;
}

/** The bookkeeping columns of a current row. */
export interface StoredMeta {
  rowid: number;
  version: number;
  last_change: string;
  changed_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A superseded version, as the history keeps it. */
export interface StoredVersion {
  version: number;
  doc: string;
  change: string;
  changedBy: string | null;
  changedAt: string;
  deletedAt: string | null;
}

export interface VersionedTableSpec {
  /** The table holding each record's current document (`rowid`, `doc`): the records' own, or apart. */
  documents: string;
  /** The whole document of a current row, as the history keeps it (default: the stored document). */
  whole?: (rowid: number, doc: string) => string;
}

const META = 'rowid, version, last_change, changed_by, created_at, updated_at, deleted_at';
const NAME = /^[a-z_]+$/;

/** Column lists come from the stores' own tables, never from input; refuse anything else. */
function checkNames(names: readonly string[]): readonly string[] {
  for (const name of names) if (!NAME.test(name)) throw new Error(`not a column name: ${name}`);
  return names;
}

/** The SQL for a list of columns, made once per list (the stores' lists are constants). */
function sqlFor(
  cache: WeakMap<readonly string[], string>,
  names: readonly string[],
  make: () => string,
): string {
  let sql = cache.get(names);
  if (sql === undefined) cache.set(names, (sql = make()));
  return sql;
}

/**
 * The tables of a kind of record named `name` ('threat'): `<name>s` (current rows: `id`, the record's own
 * columns and the bookkeeping columns) and `<name>_versions` (`<name>_id`, version, doc, change,
 * changed_by, changed_at, deleted_at).
 */
export class VersionedTable {
  private readonly spec: { table: string; history: string; key: string };
  private readonly inserts = new WeakMap<readonly string[], string>();
  private readonly updates = new WeakMap<readonly string[], string>();

  constructor(
    private readonly db: Db,
    name: string,
    private readonly docs: VersionedTableSpec,
  ) {
    this.spec = { table: `${name}s`, history: `${name}_versions`, key: `${name}_id` };
  }

  /** The whole document of a current row, as the history keeps it. */
  private snapshot(rowid: number): string {
    const doc = cached(this.db, `SELECT doc FROM ${this.docs.documents} WHERE rowid = ?`)
      .pluck()
      .get(rowid) as string;
    return this.docs.whole ? this.docs.whole(rowid, doc) : doc;
  }

  exists(id: string): boolean {
    return cached(this.db, `SELECT 1 FROM ${this.spec.table} WHERE id = ?`).get(id) !== undefined;
  }

  meta(id: string): StoredMeta | undefined {
    return cached(this.db, `SELECT ${META} FROM ${this.spec.table} WHERE id = ?`).get(id) as
      StoredMeta | undefined;
  }

  /**
   * Writes a new record at version 1; returns its rowid. `values` holds the record's columns by name (it
   * may hold more; `names` says which are written) and receives the bookkeeping values.
   */
  insert(names: readonly string[], values: Record<string, unknown>, info: WriteInfo): number {
    const sql = sqlFor(this.inserts, names, () => {
      const columns = checkNames(names);
      return (
        `INSERT INTO ${this.spec.table} (${columns.join(', ')}, version, last_change, changed_by, ` +
        `created_at, updated_at) VALUES (${columns.map((n) => `@${n}`).join(', ')}, 1, @change, @by, @at, @at)`
      );
    });
    const result = cached(this.db, sql).run(Object.assign(values, info));
    return Number(result.lastInsertRowid);
  }

  /** Replaces the current version's columns (`names` of `values`, as insert), keeping it whole in the
   *  history first. */
  replace(
    id: string,
    names: readonly string[],
    values: Record<string, unknown>,
    info: WriteInfo,
  ): { rowid: number; version: number; deleted: boolean } {
    const current = this.keepCurrentVersion(id);
    const sql = sqlFor(this.updates, names, () => {
      const columns = checkNames(names);
      return (
        `UPDATE ${this.spec.table} SET ${columns.map((n) => `${n} = @${n}`).join(', ')}, ` +
        'version = version + 1, last_change = @change, changed_by = @by, updated_at = @at WHERE rowid = @rowid'
      );
    });
    cached(this.db, sql).run(Object.assign(values, info, { rowid: current.rowid }));
    return { rowid: current.rowid, version: current.version + 1, deleted: current.deleted_at !== null };
  }

  /** Marks deleted (or live again) as a new version, keeping the one before; returns the new version. */
  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    const current = this.keepCurrentVersion(id);
    cached(
      this.db,
      `UPDATE ${this.spec.table} SET deleted_at = @deletedAt, version = version + 1, last_change = @change,
        changed_by = @by, updated_at = @at WHERE rowid = @rowid`,
    ).run({
      rowid: current.rowid,
      deletedAt: deleted ? info.at : null,
      change: info.change,
      by: info.by,
      at: info.at,
    });
    return current.version + 1;
  }

  /**
   * Every version of a record, the current one first (`current` is its meta and document, as the store
   * reads them), each with its document under the name `as` ('threat', 'partner').
   */
  versions<K extends string, T>(
    id: string,
    current: { meta: RecordMeta; doc: T } | undefined,
    as: K,
  ): (RecordVersionInfo & Record<K, T>)[] {
    if (!current) return [];
    return versionList(current, this.history(id), (doc) => JSON.parse(doc) as T).map(
      ({ doc, ...v }) => ({ ...v, [as]: doc }) as RecordVersionInfo & Record<K, T>,
    );
  }

  /** The superseded versions of a record, newest first. */
  history(id: string): StoredVersion[] {
    return cached(
      this.db,
      `SELECT version, doc, change, changed_by AS changedBy, changed_at AS changedAt, deleted_at AS deletedAt
       FROM ${this.spec.history} WHERE ${this.spec.key} = ? ORDER BY version DESC`,
    ).all(id) as StoredVersion[];
  }

  private keepCurrentVersion(id: string): StoredMeta {
    const current = this.meta(id);
    if (!current) throw new Error(`${this.spec.table}: ${id} does not exist`);
    cached(
      this.db,
      `INSERT INTO ${this.spec.history} (${this.spec.key}, version, doc, change, changed_by, changed_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      current.version,
      this.snapshot(current.rowid),
      current.last_change,
      current.changed_by,
      current.updated_at,
      current.deleted_at,
    );
    return current;
  }
}

/** The bookkeeping columns as the record's meta. */
export function recordMeta(row: StoredMeta): RecordMeta {
  return {
    version: row.version,
    lastChange: row.last_change,
    changedBy: row.changed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Every version of a record, the current one first, each with its document. */
export function versionList<T>(
  current: { meta: RecordMeta; doc: T },
  older: readonly StoredVersion[],
  parse: (doc: string) => T,
): (RecordVersionInfo & { doc: T })[] {
  return [
    {
      version: current.meta.version,
      change: current.meta.lastChange,
      changedBy: current.meta.changedBy,
      changedAt: current.meta.updatedAt,
      deletedAt: current.meta.deletedAt,
      current: true,
      doc: current.doc,
    },
    ...older.map(({ doc, ...v }) => ({ ...v, current: false, doc: parse(doc) })),
  ];
}
