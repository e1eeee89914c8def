// Builds the log's windowed, filtered, sorted query. Every value is a bound parameter;
// column names come only from the fixed maps below.
import { withoutInvisible } from '../../shared/text/invisible';
import { addDays, formatISO, parseISO } from 'date-fns';
import { LEVELS } from '../../shared/domain/enums';
import { SORT_FIELDS, type SortField, type ThreatFilter } from '../../shared/domain/threat-log';
import { COLUMN_FIELDS } from './columns';

/** The column (as `t.<name>`) behind a log row's property, from the field table. */
function column(row: string): string {
  const field = COLUMN_FIELDS.find((f) => f.row === row);
  if (!field) throw new Error(`the log has no column for ${row}`);
  return `t.${field.column}`;
}

/** Sorts an enum column in the enum's order (its values are the contract's, never input). */
function inOrder(sql: string, values: readonly string[]): string {
  return `CASE ${sql} ${values.map((v, i) => `WHEN '${v}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;
}

/** A threat's stored score, in a query over `threats t` (its own narrow table, 0130); null when it has none. */
export const SCORE_OF_T = '(SELECT s.score FROM threat_scores s WHERE s.threat_rowid = t.rowid)';

function valuesOf(row: string): readonly string[] {
  return COLUMN_FIELDS.find((f) => f.row === row)?.values ?? [];
}

const SORT_COLUMNS: Record<SortField, string> = {
  firstSeen: column('firstSeen'),
  lastSeen: column('lastSeen'),
  title: `${column('title')} COLLATE NOCASE`,
  purpose: column('purpose'),
  type: column('type'),
  targetKind: column('targetKind'),
  actor: column('actor'),
  confidence: inOrder(column('confidence'), valuesOf('confidence')),
  breakout: column('breakout'),
  audience: column('audience'),
  status: inOrder(column('status'), valuesOf('status')),
  level: inOrder('t.level', LEVELS),
  score: SCORE_OF_T,
  updatedAt: 't.updated_at',
};

/** The filters that pick values of one column. */
const ENUM_FILTERS = [
  'purpose',
  'type',
  'targetKind',
  'placeLevel',
  'actor',
  'confidence',
  'trend',
  'status',
  'breakout',
] as const;

export interface BuiltWhere {
  sql: string;
  params: unknown[];
}

/** Words of a search box as an FTS5 query: every word must match, as a prefix. */
export function searchWords(search: string): string[] {
  return (
    withoutInvisible(search)
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 20) ?? []
  );
}

export function ftsQuery(search: string): string | null {
  const words = searchWords(search);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export function buildWhere(filter: ThreatFilter): BuiltWhere {
  const clauses: string[] = [filter.deleted ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL'];
  const params: unknown[] = [];

  if (filter.electionId) {
    clauses.push('t.election_id = ?');
    params.push(filter.electionId);
  }
  for (const key of ENUM_FILTERS) {
    const values = filter[key] as readonly (string | number)[] | undefined;
    if (values && values.length > 0) {
      clauses.push(`${column(key)} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  }
  if (filter.level && filter.level.length > 0) {
    const levels = filter.level.filter((l) => l !== 'unassessed');
    const parts: string[] = [];
    if (levels.length > 0) {
      parts.push(`t.level IN (${levels.map(() => '?').join(', ')})`);
      params.push(...levels);
    }
    if (filter.level.includes('unassessed')) parts.push('t.level IS NULL');
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (filter.classified !== undefined) {
    clauses.push(filter.classified ? 't.classification IS NOT NULL' : 't.classification IS NULL');
  }
  if (filter.region) {
    clauses.push('EXISTS (SELECT 1 FROM threat_regions r WHERE r.region = ? AND r.threat_rowid = t.rowid)');
    params.push(filter.region);
  }
  if (filter.channel) {
    clauses.push('EXISTS (SELECT 1 FROM threat_channels c WHERE c.channel = ? AND c.threat_rowid = t.rowid)');
    params.push(filter.channel);
  }
  if (filter.from) {
    clauses.push('t.first_seen >= ?');
    params.push(`${filter.from}T00:00:00.000Z`);
  }
  if (filter.to) {
    clauses.push('t.first_seen < ?');
    params.push(`${formatISO(addDays(parseISO(filter.to), 1), { representation: 'date' })}T00:00:00.000Z`);
  }
  const search = filter.search ?? '';
  const match = search ? ftsQuery(search) : null;
  if (match && !filter.deleted) {
    clauses.push('t.rowid IN (SELECT rowid FROM threats_fts WHERE threats_fts MATCH ?)');
    params.push(match);
  } else if (match) {
    // Deleted threats are not in the search index; there are few, so their text is scanned.
    for (const word of searchWords(search)) {
      clauses.push("(SELECT d.doc FROM threat_docs d WHERE d.rowid = t.rowid) LIKE ? ESCAPE '\\'");
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  return { sql: clauses.join(' AND '), params };
}

export function orderBy(field: SortField, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_COLUMNS[field]} ${dir}, t.rowid ${dir}`;
}

/** The columns of one line of the log (ThreatRow): the fields the log shows, then the record's own. */
export const ROW_COLUMNS = [
  ...COLUMN_FIELDS.flatMap((f) =>
    f.row === undefined ? [] : [f.row === f.column ? `t.${f.column}` : `t.${f.column} AS ${f.row}`],
  ),
  't.classification',
  // The French title, for a French interface: read from the document, for the rows of a page only.
  "(SELECT json_extract(d.doc, '$.translations.fr.title') FROM threat_docs d WHERE d.rowid = t.rowid) AS titleFr",
  't.level',
  `${SCORE_OF_T} AS score`,
  't.version',
  't.updated_at AS updatedAt',
  't.deleted_at AS deletedAt',
].join(', ');

/** Sorts on columns of the covering index threats_log. */
const INDEXED_SORTS = new Set<SortField>(
  SORT_FIELDS.filter((f) => !['lastSeen', 'title', 'audience', 'score', 'updatedAt'].includes(f)),
);

export interface ListStatements {
  count: BuiltWhere;
  /** Takes LIMIT and OFFSET after its params. */
  page: BuiltWhere;
}

/**
 * The two statements behind a window of the log. Live threats are counted and paged on the covering
 * index threats_log, so that only the rows shown are read from the table (late row lookup); a search
 * alone is counted by the search index itself.
 */
export function listStatements(
  filter: ThreatFilter,
  sort: { field: SortField; direction: 'asc' | 'desc' },
): ListStatements {
  const where = buildWhere(filter);
  const live = !filter.deleted;
  const match = filter.search ? ftsQuery(filter.search) : null;
  const searchOnly =
    live &&
    match !== null &&
    Object.entries(filter).every(
      ([k, v]) => v === undefined || k === 'search' || (k === 'deleted' && v === false),
    );
  const count = searchOnly
    ? { sql: 'SELECT count(*) AS n FROM threats_fts WHERE threats_fts MATCH ?', params: [match] }
    : {
        sql: `SELECT count(*) AS n FROM threats t ${live ? 'INDEXED BY threats_log' : ''} WHERE ${where.sql}`,
        params: where.params,
      };
  const order = orderBy(sort.field, sort.direction);
  const index = live
    ? sort.field === 'title'
      ? 'INDEXED BY threats_title'
      : INDEXED_SORTS.has(sort.field)
        ? 'INDEXED BY threats_log'
        : ''
    : '';
  return {
    count,
    page: {
      sql:
        `SELECT ${ROW_COLUMNS} FROM threats t WHERE t.rowid IN (SELECT t.rowid FROM threats ` +
        `t ${index} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
      params: where.params,
    },
  };
}
