// Threats in SQLite. Returns domain objects (contract threats, log rows), never raw rows.
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import type { Level } from '../../shared/domain/enums';
import type { ClassifiedNote, Threat } from '../../shared/domain/workspace';
import type {
  Facets,
  ThreatMeta,
  ThreatPage,
  ThreatRow,
  ThreatVersion,
  ThreatFilter,
  SortField,
} from '../../shared/domain/threat-log';
import { searchText, toColumns } from './columns';
import { buildWhere, listStatements, ROW_COLUMNS } from './list-query';
import type { ClusterColumns } from '../assessment/suggest-clusters';

interface StoredThreat {
  rowid: number;
  doc: string;
  version: number;
  last_change: string;
  changed_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  level: Level | null;
  score: number | null;
}

interface NoteRow {
  classification: ClassifiedNote['classification'];
  text: string;
  extra: string | null;
}

export interface LevelScore {
  level: Level;
  score: number;
}

export interface WriteInfo {
  change: string;
  by: string | null;
  at: string;
}

export class ThreatRepository {
  constructor(private readonly db: Db) {}

  /** Which of these ids are already in the log (deleted or not). */
  existingIds(ids: readonly string[]): Set<string> {
    const found = new Set<string>();
    if (ids.length === 0) return found;
    // For a big batch, reading every id is cheaper than one query per id.
    if (ids.length > 500) {
      const wanted = new Set(ids);
      for (const id of cached(this.db, 'SELECT id FROM threats')
        .pluck()
        .iterate() as IterableIterator<string>)
        if (wanted.has(id)) found.add(id);
      return found;
    }
    const stmt = cached(this.db, 'SELECT 1 FROM threats WHERE id = ?');
    for (const id of ids) if (stmt.get(id) !== undefined) found.add(id);
    return found;
  }

  exists(id: string): boolean {
    return cached(this.db, 'SELECT 1 FROM threats WHERE id = ?').get(id) !== undefined;
  }

  /** The stored threat with its classified notes, or undefined. */
  get(id: string): { threat: Threat; meta: ThreatMeta } | undefined {
    const row = cached(
      this.db,
      'SELECT t.rowid, d.doc, t.version, t.last_change, t.changed_by, t.created_at, t.updated_at, t.deleted_at, t.level, t.score FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ?',
    ).get(id) as StoredThreat | undefined;
    if (!row) return undefined;
    return { threat: this.withNotes(row.rowid, JSON.parse(row.doc) as Threat), meta: toMeta(row) };
  }

  /** Public documents only (no classified notes), for bulk readers such as assessment. */
  *iteratePublic(
    filter: { electionId?: string; ids?: readonly string[] } = {},
  ): Generator<{ threat: Threat; version: number }> {
    if (filter.ids) {
      const stmt = cached(
        this.db,
        'SELECT d.doc, t.version FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ? AND t.deleted_at IS NULL',
      );
      for (const id of filter.ids) {
        const row = stmt.get(id) as { doc: string; version: number } | undefined;
        if (row) yield { threat: JSON.parse(row.doc) as Threat, version: row.version };
      }
      return;
    }
    const sql = filter.electionId
      ? 'SELECT d.doc, t.version FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.deleted_at IS NULL AND t.election_id = ? ORDER BY t.rowid'
      : 'SELECT d.doc, t.version FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.deleted_at IS NULL ORDER BY t.rowid';
    const stmt = cached(this.db, sql);
    const rows = (filter.electionId ? stmt.iterate(filter.electionId) : stmt.iterate()) as IterableIterator<{
      doc: string;
      version: number;
    }>;
    for (const row of rows) yield { threat: JSON.parse(row.doc) as Threat, version: row.version };
  }

  /**
   * Every live threat as the policy engine reads it, built from the log's columns (no JSON parsed):
   * the fields that scoring reads, and empty text. For bulk scoring of the whole log.
   */
  *iterateForScoring(
    where: { missingLevel?: boolean; scoreBand?: readonly [number, number]; ids?: never } = {},
  ): Generator<ScoringRow> {
    const sql = `SELECT rowid, id, election_id, purpose, type, target_kind, place_level, actor, actor_name, confidence, breakout, audience,
        trend, first_seen, last_seen, context_flags, level, score FROM threats WHERE deleted_at IS NULL${
          where.missingLevel
            ? ' AND level IS NULL'
            : where.scoreBand
              ? ' AND (level IS NULL OR score IS NULL OR score BETWEEN ? AND ?)'
              : ''
        }`;
    const stmt = cached(this.db, sql).raw(true);
    const rows = (
      where.scoreBand && !where.missingLevel
        ? stmt.iterate(where.scoreBand[0], where.scoreBand[1])
        : stmt.iterate()
    ) as IterableIterator<unknown[]>;
    for (const r of rows)
      yield {
        rowid: r[0] as number,
        level: r[16] as Level | null,
        score: r[17] as number | null,
        threat: threatFromScoringColumns(r),
      };
  }

  /**
   * Every live threat of an election as cluster suggestions read it, from the log's columns (no
   * document parsed): identity, title, purpose, type, target, source name, time, regions, channels
   * and false claim; the other text is empty.
   */
  /**
   * What suggesting clusters reads of an election's live threats, as columns in time order (ties by
   * rowid), with no threat object built: read on the covering index threats_dashboard_election, so the
   * table itself is not touched. `rowids` say which threat each entry is (see idsAndTitles).
   */
  clusterColumns(electionId: string): { rowids: number[]; columns: ClusterColumns } {
    const rowids: number[] = [];
    const columns = {
      firstSeenMs: [] as number[],
      sourceName: [] as (string | null)[],
      targetKind: [] as string[],
      targetDescription: [] as (string | null)[],
      purpose: [] as string[],
      type: [] as string[],
      regions: [] as (string[] | null)[],
      channels: [] as (string[] | null)[],
      falseClaim: [] as (string | null)[],
    };
    // Region and channel lists repeat: each distinct JSON text is parsed once.
    const lists = new Map<string, string[]>();
    const list = (json: string | null): string[] | null => {
      if (json === null) return null;
      let parsed = lists.get(json);
      if (!parsed) lists.set(json, (parsed = JSON.parse(json) as string[]));
      return parsed;
    };
    const statement = cached(
      this.db,
      `SELECT rowid, first_seen, actor_name, target_kind, target_description, purpose, type, regions, channels, false_claim
       FROM threats INDEXED BY threats_dashboard_election
       WHERE deleted_at IS NULL AND election_id = ? ORDER BY first_seen, rowid`,
    ).raw(true);
    for (const r of statement.iterate(electionId) as IterableIterator<unknown[]>) {
      rowids.push(r[0] as number);
      columns.firstSeenMs.push(Date.parse(r[1] as string));
      columns.sourceName.push(r[2] as string | null);
      columns.targetKind.push(r[3] as string);
      columns.targetDescription.push(r[4] as string | null);
      columns.purpose.push(r[5] as string);
      columns.type.push(r[6] as string);
      columns.regions.push(list(r[7] as string | null));
      columns.channels.push(list(r[8] as string | null));
      columns.falseClaim.push(r[9] as string | null);
    }
    return { rowids, columns };
  }

  /** The ids and titles of the threats with these rowids. */
  idsAndTitles(rowids: readonly number[]): Map<number, { id: string; title: string }> {
    const out = new Map<number, { id: string; title: string }>();
    const statement = cached(
      this.db,
      'SELECT t.rowid, t.id, t.title FROM json_each(?) j JOIN threats t ON t.rowid = j.value',
    ).raw(true);
    for (const [rowid, id, title] of statement.iterate(JSON.stringify(rowids)) as IterableIterator<
      [number, string, string]
    >)
      out.set(rowid, { id, title });
    return out;
  }

  /** Whole threats (with classified notes) for export, in the order they were first recorded. */
  *iterateForExport(opts: {
    electionId?: string;
    ids?: readonly string[];
    includeClassified: boolean;
  }): Generator<Threat> {
    const where = ['deleted_at IS NULL'];
    const params: unknown[] = [];
    if (opts.electionId) {
      where.push('election_id = ?');
      params.push(opts.electionId);
    }
    const sql = `SELECT t.rowid, d.doc FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE ${where.join(' AND ')} ORDER BY t.rowid`;
    const wanted = opts.ids ? new Set(opts.ids) : null;
    for (const row of cached(this.db, sql).iterate(...params) as IterableIterator<{
      rowid: number;
      doc: string;
    }>) {
      const threat = JSON.parse(row.doc) as Threat;
      if (wanted && !wanted.has(threat.id)) continue;
      yield opts.includeClassified ? this.withNotes(row.rowid, threat) : threat;
    }
  }

  insert(threat: Threat, info: WriteInfo, levelScore?: LevelScore): number {
    const cols = { ...toColumns(threat), level: levelScore?.level ?? null, score: levelScore?.score ?? null };
    const result = cached(
      this.db,
      `INSERT INTO threats (id, election_id, title, purpose, type, target_kind, place_level, actor, actor_name,
        confidence, breakout, audience, trend, status, first_seen, last_seen, classification, context_flags, target_description, false_claim,
        regions, channels, level, score, version, last_change,
        changed_by, created_at, updated_at)
       VALUES (@id, @election_id, @title, @purpose, @type, @target_kind, @place_level, @actor, @actor_name,
        @confidence, @breakout, @audience, @trend, @status, @first_seen, @last_seen, @classification, @context_flags, @target_description,
        @false_claim, @regions, @channels, @level, @score, 1, @change,
        @by, @at, @at)`,
    ).run({ ...cols, change: info.change, by: info.by, at: info.at });
    const rowid = Number(result.lastInsertRowid);
    cached(this.db, 'INSERT INTO threat_docs (rowid, doc) VALUES (?, ?)').run(rowid, cols.doc);
    this.writeSideTables(rowid, threat, false, true);
    return rowid;
  }

  /** Replaces the current version, keeping it whole in threat_versions first. */
  update(id: string, threat: Threat, info: WriteInfo, levelScore?: LevelScore): number {
    const current = cached(
      this.db,
      'SELECT rowid, version, level, score, deleted_at FROM threats WHERE id = ?',
    ).get(id) as
      | {
          rowid: number;
          version: number;
          level: Level | null;
          score: number | null;
          deleted_at: string | null;
        }
      | undefined;
    if (!current) throw new Error(`threat ${id} does not exist`);
    this.keepCurrentVersion(id);
    const cols = {
      ...toColumns(threat),
      level: levelScore?.level ?? current.level,
      score: levelScore?.score ?? current.score,
    };
    cached(
      this.db,
      `UPDATE threats SET election_id = @election_id, title = @title, purpose = @purpose, type = @type,
        target_kind = @target_kind, place_level = @place_level, actor = @actor, actor_name = @actor_name,
        confidence = @confidence, breakout = @breakout, audience = @audience, trend = @trend, status = @status,
        first_seen = @first_seen, last_seen = @last_seen, classification = @classification, context_flags = @context_flags,
        target_description = @target_description, false_claim = @false_claim, regions = @regions, channels = @channels, level = @level, score = @score,
        version = version + 1, last_change = @change, changed_by = @by, updated_at = @at
       WHERE rowid = @rowid`,
    ).run({ ...cols, change: info.change, by: info.by, at: info.at, rowid: current.rowid });
    cached(this.db, 'UPDATE threat_docs SET doc = ? WHERE rowid = ?').run(cols.doc, current.rowid);
    this.writeSideTables(current.rowid, threat, true, current.deleted_at === null);
    return current.version + 1;
  }

  /** Marks deleted (or live again), keeping the version before the change. */
  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    this.keepCurrentVersion(id);
    cached(
      this.db,
      `UPDATE threats SET deleted_at = @deletedAt, version = version + 1, last_change = @change, changed_by = @by, updated_at = @at WHERE id = @id`,
    ).run({ id, deletedAt: deleted ? info.at : null, change: info.change, by: info.by, at: info.at });
    // Only live threats are in the search index (the deleted view searches its few rows directly).
    const row = cached(
      this.db,
      'SELECT t.rowid, d.doc, t.version FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ?',
    ).get(id) as { rowid: number; doc: string; version: number };
    cached(this.db, 'DELETE FROM threats_fts WHERE rowid = ?').run(row.rowid);
    if (!deleted) this.indexForSearch(row.rowid, JSON.parse(row.doc) as Threat);
    return row.version;
  }

  setLevel(id: string, level: Level | null, score: number | null): void {
    cached(this.db, 'UPDATE threats SET level = ?, score = ? WHERE id = ?').run(level, score, id);
  }

  versions(id: string): ThreatVersion[] {
    const current = this.get(id);
    if (!current) return [];
    const older = cached(
      this.db,
      'SELECT version, doc, change, changed_by, changed_at, deleted_at FROM threat_versions WHERE threat_id = ? ORDER BY version DESC',
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
        threat: current.threat,
      },
      ...older.map((v) => ({
        version: v.version,
        change: v.change,
        changedBy: v.changed_by,
        changedAt: v.changed_at,
        deletedAt: v.deleted_at,
        current: false,
        threat: JSON.parse(v.doc) as Threat,
      })),
    ];
  }

  /**
   * A window of the log. Live threats are counted and paged on the covering index threats_log, so only
   * the rows shown are read from the table; a search alone is counted by the search index itself.
   */
  list(
    filter: ThreatFilter,
    sort: { field: SortField; direction: 'asc' | 'desc' },
    offset: number,
    limit: number,
  ): ThreatPage {
    const q = listStatements(filter, sort);
    const total = (cached(this.db, q.count.sql).get(...q.count.params) as { n: number }).n;
    if (total === 0 || offset >= total) return { total, offset, rows: [] };
    const rows = cached(this.db, q.page.sql).all(...q.page.params, limit, offset) as ThreatRow[];
    return { total, offset, rows };
  }

  /**
   * The regions and channels in use (for the filter menus) and the counts. Each distinct value is found
   * by a skip-scan of its table's primary key, and kept if one live threat (of the election) has it: a
   * handful of lookups per value, never a pass over every threat's row. Counts read partial indexes.
   */
  facets(electionId?: string): Facets {
    const scope = electionId ? 'AND t.election_id = ?' : '';
    const params = electionId ? [electionId] : [];
    const inUse = (table: 'threat_regions' | 'threat_channels', column: 'region' | 'channel') =>
      cached(
        this.db,
        `WITH RECURSIVE d(v) AS (
           SELECT min(${column}) FROM ${table}
           UNION ALL
           SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > d.v) FROM d WHERE d.v IS NOT NULL
         )
         SELECT v FROM d WHERE v IS NOT NULL AND EXISTS (
           SELECT 1 FROM ${table} x JOIN threats t ON t.rowid = x.threat_rowid
           WHERE x.${column} = d.v AND t.deleted_at IS NULL ${scope}
         ) LIMIT 1000`,
      )
        .pluck()
        .all(...params) as string[];
    const count = (live: boolean) =>
      cached(
        this.db,
        `SELECT count(*) FROM threats t WHERE t.deleted_at IS ${live ? '' : 'NOT '}NULL ${scope}`,
      )
        .pluck()
        .get(...params) as number;
    return {
      regions: inUse('threat_regions', 'region'),
      channels: inUse('threat_channels', 'channel'),
      total: count(true),
      deleted: count(false),
    };
  }

  count(): number {
    return (
      cached(this.db, 'SELECT count(*) AS n FROM threats WHERE deleted_at IS NULL').get() as { n: number }
    ).n;
  }

  private keepCurrentVersion(id: string): void {
    const row = cached(
      this.db,
      'SELECT t.rowid, d.doc, t.version, t.last_change, t.changed_by, t.updated_at, t.deleted_at FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ?',
    ).get(id) as
      | {
          rowid: number;
          doc: string;
          version: number;
          last_change: string;
          changed_by: string | null;
          updated_at: string;
          deleted_at: string | null;
        }
      | undefined;
    if (!row) throw new Error(`threat ${id} does not exist`);
    const whole = this.withNotes(row.rowid, JSON.parse(row.doc) as Threat);
    cached(
      this.db,
      'INSERT INTO threat_versions (threat_id, version, doc, change, changed_by, changed_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      row.version,
      JSON.stringify(whole),
      row.last_change,
      row.changed_by,
      row.updated_at,
      row.deleted_at,
    );
  }

  private indexForSearch(rowid: number, threat: Threat): void {
    cached(
      this.db,
      'INSERT INTO threats_fts (rowid, title, summary, false_claim, facts, names, places, translations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(rowid, ...searchText(threat));
  }

  private writeSideTables(rowid: number, threat: Threat, replace: boolean, live: boolean): void {
    if (replace) {
      cached(this.db, 'DELETE FROM threats_fts WHERE rowid = ?').run(rowid);
      cached(this.db, 'DELETE FROM threat_regions WHERE threat_rowid = ?').run(rowid);
      cached(this.db, 'DELETE FROM threat_channels WHERE threat_rowid = ?').run(rowid);
      cached(this.db, 'DELETE FROM classified_notes WHERE threat_rowid = ?').run(rowid);
    }
    if (live) this.indexForSearch(rowid, threat);
    const region = cached(
      this.db,
      'INSERT OR IGNORE INTO threat_regions (region, threat_rowid) VALUES (?, ?)',
    );
    for (const r of threat.place.regions ?? []) region.run(r, rowid);
    const channel = cached(
      this.db,
      'INSERT OR IGNORE INTO threat_channels (channel, threat_rowid) VALUES (?, ?)',
    );
    for (const c of threat.place.channels ?? []) channel.run(c, rowid);
    const note = cached(
      this.db,
      'INSERT INTO classified_notes (threat_rowid, seq, classification, text, extra) VALUES (?, ?, ?, ?, ?)',
    );
    (threat.classifiedNotes ?? []).forEach((n, i) => {
      const { classification, text, ...extra } = n;
      note.run(rowid, i, classification, text, Object.keys(extra).length ? JSON.stringify(extra) : null);
    });
  }

  private withNotes(rowid: number, doc: Threat): Threat {
    const notes = cached(
      this.db,
      'SELECT classification, text, extra FROM classified_notes WHERE threat_rowid = ? ORDER BY seq',
    ).all(rowid) as NoteRow[];
    if (notes.length === 0) return doc;
    return {
      ...doc,
      classifiedNotes: notes.map((n) => ({
        ...(n.extra ? (JSON.parse(n.extra) as object) : {}),
        classification: n.classification,
        text: n.text,
      })),
    };
  }
}

export interface ScoringRow {
  rowid: number;
  level: Level | null;
  score: number | null;
  threat: Threat;
}

/** A threat with exactly what scoring reads, from a row of iterateForScoring's columns. */
export function threatFromScoringColumns(r: readonly unknown[]): Threat {
  const flags = r[15] as number;
  const threat: Threat = {
    id: r[1] as string,
    electionId: r[2] as string,
    title: '',
    summary: '',
    purpose: r[3] as Threat['purpose'],
    type: r[4] as Threat['type'],
    target: { kind: r[5] as Threat['target']['kind'] },
    time:
      r[14] === null
        ? { firstSeen: r[13] as string }
        : { firstSeen: r[13] as string, lastSeen: r[14] as string },
    place: { level: r[6] as Threat['place']['level'] },
    source:
      r[8] === null
        ? { actor: r[7] as Threat['source']['actor'], confidence: r[9] as Threat['source']['confidence'] }
        : {
            actor: r[7] as Threat['source']['actor'],
            name: r[8] as string,
            confidence: r[9] as Threat['source']['confidence'],
          },
    reach: { breakout: r[10] as number },
  };
  if (r[11] !== null) threat.reach.estimatedAudience = r[11] as number;
  if (r[12] !== null) threat.reach.trend = r[12] as Threat['reach']['trend'];
  if (flags)
    threat.context = {
      debunkedByPartner: (flags & 1) !== 0,
      investigationSensitive: (flags & 2) !== 0,
      nationalSecurityImplications: (flags & 4) !== 0,
    };
  return threat;
}

function toMeta(row: StoredThreat): ThreatMeta {
  return {
    version: row.version,
    lastChange: row.last_change,
    changedBy: row.changed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    level: row.level,
    score: row.score,
  };
}
