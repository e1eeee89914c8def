// The one owner of the threat log's tables: every read and every write of `threats` (levels included),
// of the scores (`threat_scores`, one narrow row per scored threat), of the documents, notes, history,
// search index and the region and channel lists goes through here. Returns domain objects (contract
// threats, log rows), never raw rows. Columns and row mapping come from the field table (./columns);
// history from the versioned table.
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import { recordMeta, VersionedTable, type StoredMeta, type WriteInfo } from '../db/versioned-documents';
import type { Level } from '../../shared/domain/enums';
import type { ClassifiedNote, Threat } from '../../shared/domain/workspace';
import type {
  Facets,
  LevelScore,
  ThreatDetail,
  ThreatFilter,
  ThreatPage,
  ThreatRow,
  ThreatVersion,
  SortField,
} from '../../shared/domain/threat-log';
import { columnReader, COLUMN_FIELDS, DERIVED_COLUMNS, searchText, toColumns, withoutNotes } from './columns';
import { buildWhere, listStatements, SCORE_OF_T } from './list-query';

export type { WriteInfo };

interface NoteRow {
  classification: ClassifiedNote['classification'];
  text: string;
  extra: string | null;
}

/** A live threat as scoring reads it (from the columns), with the level and score stored for it. */
export interface ScoringRow {
  rowid: number;
  level: Level | null;
  score: number | null;
  threat: Threat;
}

/** A public document with its dates and current level, as STIX export reads it. */
export interface ExportableThreat {
  /** The public document (classified notes are never exported). */
  threat: Threat;
  createdAt: string;
  updatedAt: string;
  level: Level | null;
  score: number | null;
}

/** The fields the policy engine reads: scoring the whole log reads these columns, no document. */
const SCORING = columnReader([
  'id',
  'electionId',
  'purpose',
  'type',
  'target.kind',
  'place.level',
  'source.actor',
  'source.name',
  'source.confidence',
  'reach.breakout',
  'reach.estimatedAudience',
  'reach.trend',
  'time.firstSeen',
  'time.lastSeen',
  'context',
]);

/** What cluster suggestion reads of each live threat of an election, one array per column, in time order
 *  (assessment's ClusterColumns). */
export interface ClusterReadColumns {
  firstSeenMs: number[];
  sourceName: (string | null)[];
  targetKind: string[];
  targetDescription: (string | null)[];
  purpose: string[];
  type: string[];
  regions: (string[] | null)[];
  channels: (string[] | null)[];
  falseClaim: (string | null)[];
}

/** The column of a field, by its path in the contract (the field table's). */
function columnOf(path: string): string {
  const field = COLUMN_FIELDS.find((f) => f.path === path);
  if (!field) throw new Error(`${path} has no column`);
  return field.column;
}

/** What cluster suggestions read, column by column, from the per-election covering index (0060). */
const CLUSTER_SQL = `SELECT rowid, ${[
  'time.firstSeen',
  'source.name',
  'target.kind',
  'target.description',
  'purpose',
  'type',
  'place.regions',
  'place.channels',
  'falseClaim',
]
  .map(columnOf)
  .join(', ')}
  FROM threats INDEXED BY threats_dashboard_election
  WHERE deleted_at IS NULL AND ${columnOf('electionId')} = ? ORDER BY ${columnOf('time.firstSeen')}, rowid`;

/** Every column a threat's fields fill, in the table's words; with its level (the score has its own table). */
const WRITTEN_COLUMNS = [...COLUMN_FIELDS.map((f) => f.column), ...DERIVED_COLUMNS];
const WRITTEN_WITH_LEVEL = [...WRITTEN_COLUMNS, 'level'];

const DETAIL_SQL =
  'SELECT t.rowid, d.doc, t.version, t.last_change, t.changed_by, t.created_at, t.updated_at, ' +
  `t.deleted_at, t.level, ${SCORE_OF_T} AS score FROM threats t JOIN threat_docs d ON d.rowid = t.rowid`;

const SCORING_COLUMNS = SCORING.columns.map((c) => `t.${c}`).join(', ');

/** The scoring columns, read from `threats t` with the score beside them. */
const SCORING_SELECT =
  `SELECT t.rowid, t.level, s.score, ${SCORING_COLUMNS} FROM threats t ` +
  'LEFT JOIN threat_scores s ON s.threat_rowid = t.rowid';

/** The scoring columns of every live threat, without the score: a whole-log pass takes the scores from
 *  one read of their own table (see allScores), which costs a fraction of a lookup per row. */
const SCORING_ALL = `SELECT t.rowid, t.level, ${SCORING_COLUMNS} FROM threats t WHERE t.deleted_at IS NULL`;

/** A row of SCORING_SELECT or SCORING_ALL (rowid, level, then the scoring columns from `at`). */
function scoringRow(r: readonly unknown[], score: unknown, at: number): ScoringRow {
  return {
    rowid: r[0] as number,
    level: r[1] as Level | null,
    score: (score ?? null) as number | null,
    threat: SCORING.read(r, at),
  };
}

type DetailRow = StoredMeta & { doc: string; level: Level | null; score: number | null };

export class ThreatStore {
  private readonly table: VersionedTable;

  constructor(private readonly db: Db) {
    this.table = new VersionedTable(db, 'threat', {
      documents: 'threat_docs',
      // History keeps each version whole, classified notes included, so that it can be restored.
      whole: (rowid, doc) => JSON.stringify(this.withNotes(rowid, JSON.parse(doc) as Threat)),
    });
  }

  // Which threats there are

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
    for (const id of ids) if (this.table.exists(id)) found.add(id);
    return found;
  }

  exists(id: string): boolean {
    return this.table.exists(id);
  }

  /** How many live threats there are, in one election or all. */
  count(electionId?: string): number {
    return electionId === undefined
      ? (cached(this.db, 'SELECT count(*) FROM threats WHERE deleted_at IS NULL').pluck().get() as number)
      : (cached(this.db, 'SELECT count(*) FROM threats WHERE election_id = ? AND deleted_at IS NULL')
          .pluck()
          .get(electionId) as number);
  }

  /** The ids of an election's threats, deleted ones included (new ids follow their style). */
  idsOf(electionId: string): string[] {
    return cached(this.db, 'SELECT id FROM threats WHERE election_id = ?')
      .pluck()
      .all(electionId) as string[];
  }

  /** The ids of an election's live threats. */
  liveIds(electionId: string): string[] {
    return cached(this.db, 'SELECT id FROM threats WHERE election_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(electionId) as string[];
  }

  // Documents

  /** The stored threat with its classified notes, or undefined. */
  get(id: string): ThreatDetail | undefined {
    const row = cached(this.db, `${DETAIL_SQL} WHERE t.id = ?`).get(id) as DetailRow | undefined;
    if (!row) return undefined;
    return {
      threat: this.withNotes(row.rowid, JSON.parse(row.doc) as Threat),
      meta: { ...recordMeta(row), level: row.level, score: row.score },
    };
  }

  /** Public documents only (no classified notes), for bulk readers such as assessment. */
  *iteratePublic(
    filter: { electionId?: string; ids?: readonly string[] } = {},
  ): Generator<{ threat: Threat; version: number }> {
    const select = 'SELECT d.doc, t.version FROM threats t JOIN threat_docs d ON d.rowid = t.rowid';
    if (filter.ids) {
      const stmt = cached(this.db, `${select} WHERE t.id = ? AND t.deleted_at IS NULL`);
      for (const id of filter.ids) {
        const row = stmt.get(id) as { doc: string; version: number } | undefined;
        if (row) yield { threat: JSON.parse(row.doc) as Threat, version: row.version };
      }
      return;
    }
    const stmt = filter.electionId
      ? cached(this.db, `${select} WHERE t.deleted_at IS NULL AND t.election_id = ? ORDER BY t.rowid`)
      : cached(this.db, `${select} WHERE t.deleted_at IS NULL ORDER BY t.rowid`);
    const rows = (filter.electionId ? stmt.iterate(filter.electionId) : stmt.iterate()) as IterableIterator<{
      doc: string;
      version: number;
    }>;
    for (const row of rows) yield { threat: JSON.parse(row.doc) as Threat, version: row.version };
  }

  /** Whole threats (with classified notes) for export, in the order they were first recorded. */
  *iterateForExport(opts: {
    electionId?: string | undefined;
    ids?: readonly string[] | undefined;
    includeClassified: boolean;
  }): Generator<Threat> {
    const where = ['deleted_at IS NULL'];
    const params: unknown[] = [];
    if (opts.electionId) {
      where.push('election_id = ?');
      params.push(opts.electionId);
    }
    const sql =
      `SELECT t.rowid, d.doc FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE ` +
      `${where.join(' AND ')} ORDER BY t.rowid`;
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

  /**
   * Live public documents with their dates and level, for STIX export: a selection (in the order given)
   * or those matching a log filter (in the order recorded). Never reads the classified notes.
   */
  exportable(opts: { filter: ThreatFilter; ids?: readonly string[] | undefined }): ExportableThreat[] {
    const where = buildWhere({ ...opts.filter, deleted: undefined });
    const select =
      `SELECT d.doc, t.created_at, t.updated_at, t.level, ${SCORE_OF_T} AS score FROM threats t JOIN ` +
      'threat_docs d ON d.rowid = t.rowid';
    interface Row {
      doc: string;
      created_at: string;
      updated_at: string;
      level: Level | null;
      score: number | null;
    }
    const toExportable = (row: Row): ExportableThreat => {
      return {
        // Never the classified notes, whatever the document holds.
        threat: withoutNotes(JSON.parse(row.doc) as Threat),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        level: row.level,
        score: row.score,
      };
    };
    if (opts.ids) {
      const stmt = cached(this.db, `${select} WHERE t.id = ? AND ${where.sql}`);
      const out: ExportableThreat[] = [];
      for (const id of new Set(opts.ids)) {
        const row = stmt.get(id, ...where.params) as Row | undefined;
        if (row) out.push(toExportable(row));
      }
      return out;
    }
    const rows = cached(this.db, `${select} WHERE ${where.sql} ORDER BY t.rowid`).iterate(
      ...where.params,
    ) as IterableIterator<Row>;
    return Array.from(rows, toExportable);
  }

  /** Every version of a threat, the current one first. */
  versions(id: string): ThreatVersion[] {
    const current = this.get(id);
    return this.table.versions(id, current && { meta: current.meta, doc: current.threat }, 'threat');
  }

  // The log

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

  /** How many live threats (of one election, or all) name each channel or region, most first. */
  usage(what: 'channel' | 'region', electionId: string | null): { name: string; threats: number }[] {
    const table = what === 'channel' ? 'threat_channels' : 'threat_regions';
    const scope = electionId ? 'AND t.election_id = ?' : '';
    return cached(
      this.db,
      `SELECT x.${what} AS name, count(*) AS threats FROM threats t CROSS JOIN ${table} x ON x.threat_rowid = t.rowid
       WHERE t.deleted_at IS NULL ${scope} GROUP BY x.${what} ORDER BY threats DESC LIMIT 1000`,
    ).all(...(electionId ? [electionId] : [])) as { name: string; threats: number }[];
  }

  // Columns for whole-log passes (no document parsed)

  /**
   * Every live threat as the policy engine reads it, built from the log's columns — or only those never
   * assessed, or only those whose score lies in a band (after a change of thresholds alone).
   */
  *iterateForScoring(
    where: { missingLevel?: boolean; scoreBand?: readonly [number, number] } = {},
  ): Generator<ScoringRow> {
    if (!where.missingLevel && !where.scoreBand) {
      const scores = this.allScores();
      for (const r of cached(this.db, SCORING_ALL).raw(true).iterate() as IterableIterator<unknown[]>)
        yield scoringRow(r, scores.get(r[0] as number), 2);
      return;
    }
    const filter = where.missingLevel
      ? ' AND t.level IS NULL'
      : ' AND (t.level IS NULL OR s.score IS NULL OR s.score BETWEEN ? AND ?)';
    const stmt = cached(this.db, `${SCORING_SELECT} WHERE t.deleted_at IS NULL${filter}`).raw(true);
    const rows = (
      where.scoreBand && !where.missingLevel
        ? stmt.iterate(where.scoreBand[0], where.scoreBand[1])
        : stmt.iterate()
    ) as IterableIterator<unknown[]>;
    for (const r of rows) yield scoringRow(r, r[2], 3);
  }

  /** Every stored score, by threat rowid. */
  private allScores(): Map<number, number> {
    const scores = new Map<number, number>();
    const rows = cached(this.db, 'SELECT threat_rowid, score FROM threat_scores').raw(true).iterate();
    for (const [rowid, score] of rows as IterableIterator<[number, number]>) scores.set(rowid, score);
    return scores;
  }

  /** These threats (deleted ones too) as the policy engine reads them; unknown ids are left out. */
  *scoringRows(ids: readonly string[]): Generator<ScoringRow> {
    const stmt = cached(this.db, `${SCORING_SELECT} WHERE t.id = ?`).raw(true);
    for (const id of ids) {
      const r = stmt.get(id) as unknown[] | undefined;
      if (r) yield scoringRow(r, r[2], 3);
    }
  }

  /**
   * What suggesting clusters reads of an election's live threats, as columns in time order (ties by
   * rowid), with no threat object built: read from the covering index threats_dashboard_election, so the
   * table itself is not touched. `rowids` say which threat each entry is (see idsAndTitles).
   */
  clusterColumns(electionId: string): { rowids: number[]; columns: ClusterReadColumns } {
    const rowids: number[] = [];
    const columns: ClusterReadColumns = {
      firstSeenMs: [],
      sourceName: [],
      targetKind: [],
      targetDescription: [],
      purpose: [],
      type: [],
      regions: [],
      channels: [],
      falseClaim: [],
    };
    // Region and channel lists repeat: each distinct JSON text is parsed once.
    const lists = new Map<string, string[]>();
    const list = (json: string | null): string[] | null => {
      if (json === null) return null;
      let parsed = lists.get(json);
      if (!parsed) lists.set(json, (parsed = JSON.parse(json) as string[]));
      return parsed;
    };
    for (const r of cached(this.db, CLUSTER_SQL).raw(true).iterate(electionId) as IterableIterator<
      unknown[]
    >) {
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

  /** The ids and titles (and French titles, where the record has one) of the threats with these rowids. */
  idsAndTitles(
    rowids: readonly number[],
  ): Map<number, { id: string; title: string; titleFr: string | null }> {
    const out = new Map<number, { id: string; title: string; titleFr: string | null }>();
    const statement = cached(
      this.db,
      `SELECT t.rowid, t.id, t.title,
         (SELECT json_extract(d.doc, '$.translations.fr.title') FROM threat_docs d WHERE d.rowid = t.rowid)
       FROM json_each(?) j JOIN threats t ON t.rowid = j.value`,
    ).raw(true);
    for (const [rowid, id, title, titleFr] of statement.iterate(JSON.stringify(rowids)) as IterableIterator<
      [number, string, string, string | null]
    >)
      out.set(rowid, { id, title, titleFr });
    return out;
  }

  // Writes (inside the caller's transaction)

  /** Writes a new threat, once, with its level (null: not assessed yet). Returns its rowid. */
  insert(threat: Threat, info: WriteInfo, level: LevelScore | null = null): number {
    const cols: Record<string, unknown> & { doc: string } = toColumns(threat);
    cols.level = level?.level ?? null;
    const rowid = this.table.insert(WRITTEN_WITH_LEVEL, cols, info);
    cached(this.db, 'INSERT INTO threat_docs (rowid, doc) VALUES (?, ?)').run(rowid, cols.doc);
    if (level) this.writeScore(rowid, level.score);
    this.writeSideTables(rowid, threat, false, true);
    return rowid;
  }

  /** Replaces the current version (kept whole in the history first), with its level; null keeps the
   *  level stored. Returns the new version. */
  update(id: string, threat: Threat, info: WriteInfo, level: LevelScore | null = null): number {
    const cols: Record<string, unknown> & { doc: string } = toColumns(threat);
    if (level) cols.level = level.level;
    const { rowid, version, deleted } = this.table.replace(
      id,
      level ? WRITTEN_WITH_LEVEL : WRITTEN_COLUMNS,
      cols,
      info,
    );
    cached(this.db, 'UPDATE threat_docs SET doc = ? WHERE rowid = ?').run(cols.doc, rowid);
    if (level) this.writeScore(rowid, level.score);
    this.writeSideTables(rowid, threat, true, !deleted);
    return version;
  }

  /** Marks deleted (or live again), keeping the version before the change; the search index holds
   *  live threats only. Returns the new version. */
  setDeleted(id: string, deleted: boolean, info: WriteInfo): number {
    const version = this.table.setDeleted(id, deleted, info);
    const row = cached(
      this.db,
      'SELECT t.rowid, d.doc FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ?',
    ).get(id) as { rowid: number; doc: string };
    cached(this.db, 'DELETE FROM threats_fts WHERE rowid = ?').run(row.rowid);
    if (!deleted) this.indexForSearch(row.rowid, JSON.parse(row.doc) as Threat);
    return version;
  }

  // Levels

  /** Writes a changed level and score. The score lives in the narrow `threat_scores`, so a change of
   *  weights (every score moves, few levels) rewrites small rows, not every page of `threats`; the level
   *  is written only when it changes, which leaves the indexes on it untouched. Returns whether anything
   *  changed. */
  writeLevel(row: Pick<ScoringRow, 'rowid' | 'level' | 'score'>, next: LevelScore): boolean {
    const levelMoved = next.level !== row.level;
    const scoreMoved = next.score !== row.score;
    if (levelMoved)
      cached(this.db, 'UPDATE threats SET level = ? WHERE rowid = ?').run(next.level, row.rowid);
    if (scoreMoved) this.writeScore(row.rowid, next.score);
    return levelMoved || scoreMoved;
  }

  /** Sets a threat's level directly (tools and tests; the app keeps levels through the LevelKeeper). */
  setLevel(id: string, level: Level | null, score: number | null): void {
    const rowid = cached(this.db, 'SELECT rowid FROM threats WHERE id = ?').pluck().get(id) as
      number | undefined;
    if (rowid === undefined) return;
    cached(this.db, 'UPDATE threats SET level = ? WHERE rowid = ?').run(level, rowid);
    this.writeScore(rowid, score);
  }

  /** Live threats at each stored level whose score lies outside a band. */
  levelCountsOutside(band: readonly [number, number]): { level: Level; n: number }[] {
    return cached(
      this.db,
      'SELECT t.level, count(*) AS n FROM threat_scores s JOIN threats t ON t.rowid = s.threat_rowid ' +
        'WHERE t.deleted_at IS NULL AND t.level IS NOT NULL AND NOT (s.score BETWEEN ? AND ?) GROUP BY t.level',
    ).all(band[0], band[1]) as { level: Level; n: number }[];
  }

  /** How many live threats have no level yet. */
  missingLevels(): number {
    return cached(this.db, 'SELECT count(*) FROM threats WHERE level IS NULL AND deleted_at IS NULL')
      .pluck()
      .get() as number;
  }

  titleOf(id: string): string | undefined {
    return cached(this.db, 'SELECT title FROM threats WHERE id = ?').pluck().get(id) as string | undefined;
  }

  // Side tables

  /** A threat's score in `threat_scores` (null: no score, no row). */
  private writeScore(rowid: number, score: number | null): void {
    if (score === null) {
      cached(this.db, 'DELETE FROM threat_scores WHERE threat_rowid = ?').run(rowid);
      return;
    }
    cached(
      this.db,
      'INSERT INTO threat_scores (threat_rowid, score) VALUES (?, ?) ' +
        'ON CONFLICT (threat_rowid) DO UPDATE SET score = excluded.score',
    ).run(rowid, score);
  }

  private indexForSearch(rowid: number, threat: Threat): void {
    cached(
      this.db,
      'INSERT INTO threats_fts (rowid, title, summary, false_claim, facts, names, places, ' +
        'translations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
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
