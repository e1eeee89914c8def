// A contract threat as the database holds it, driven by the field table: the public document (in
// threat_docs), the classified notes kept apart, and the columns the log filters, sorts and scores on;
// and threats rebuilt from those columns by name, for whole-log passes that parse no JSON.
import { withoutInvisible } from '../../shared/text/invisible';
import { highestClassification } from '../../shared/domain/classification';
import { getPath, setPath } from '../../shared/domain/paths';
import {
  contextFromFlags,
  contextToFlags,
  THREAT_FIELDS,
  type ThreatField,
} from '../../shared/domain/threat-fields';
import type { Threat } from '../../shared/domain/workspace';

/** The fields that have a column of the `threats` table. */
export const COLUMN_FIELDS: readonly (ThreatField & { column: string })[] = THREAT_FIELDS.filter(
  (f): f is ThreatField & { column: string } => f.column !== undefined,
);

/** Columns derived from the whole threat rather than one field: the highest classification among its
 *  classified notes (the notes themselves live in their own table). */
export const DERIVED_COLUMNS = ['classification'] as const;

/** A threat's columns, by name (the `threats` table's), and its public document. */
export type ThreatColumns = Record<string, unknown> & { doc: string };

/** UTC ISO form, so that text order is time order whatever offset the source used. */
export function toUtcIso(dateTime: string): string {
  return new Date(dateTime).toISOString();
}

/** The threat without its classified notes. An empty list is kept (as []) so that
 *  export(import(x)) keeps the field; the notes themselves live in their own table. */
export function publicDocument(threat: Threat): Threat {
  const { classifiedNotes, ...rest } = threat;
  return classifiedNotes ? { ...rest, classifiedNotes: [] } : rest;
}

/** The threat with no classified notes field at all: what scoring and STIX may read. */
export function withoutNotes(threat: Threat): Threat {
  const copy = { ...threat };
  delete copy.classifiedNotes;
  return copy;
}

/** A field's value as its column holds it. */
function toColumn(kind: ThreatField['kind'], value: unknown): unknown {
  if (kind === 'flags') return contextToFlags(value as Threat['context']);
  if (value === undefined || value === null) return null;
  if (kind === 'datetime') return toUtcIso(value as string);
  if (kind === 'list' || kind === 'json') return JSON.stringify(value);
  return value;
}

/** A column's value as the field holds it; undefined for an empty column. */
function fromColumn(kind: ThreatField['kind'], value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (kind === 'flags') return contextFromFlags(value as number);
  if (kind === 'list' || kind === 'json') return JSON.parse(value as string) as unknown;
  return value;
}

const columnWriters = COLUMN_FIELDS.map((f) => ({ column: f.column, kind: f.kind, get: getter(f.path) }));

export function toColumns(threat: Threat): ThreatColumns {
  const cols: ThreatColumns = {
    doc: JSON.stringify(publicDocument(threat)),
    classification: highestClassification(threat.classifiedNotes),
  };
  for (const w of columnWriters) cols[w.column] = toColumn(w.kind, w.get(threat));
  return cols;
}

/**
 * Reads threats from the columns of some fields, by name: the SQL column list to select, and a
 * function that builds a threat from a raw row (the columns in that order, from `offset`). Fields
 * without a column are left out; required text the columns do not hold is empty.
 */
export function columnReader(paths: readonly string[]): {
  columns: string[];
  read(row: readonly unknown[], offset?: number): Threat;
} {
  const fields = paths.map((p) => {
    const field = COLUMN_FIELDS.find((f) => f.path === p);
    if (!field) throw new Error(`${p} has no column`);
    return field;
  });
  const containers = [
    ...new Set(fields.flatMap((f) => (f.path.includes('.') ? [f.path.split('.')[0]] : []))),
  ];
  const setters = fields.map((f, i) => {
    const [a, b, ...deeper] = f.path.split('.') as [string, string | undefined, ...string[]];
    const kind = f.kind;
    if (deeper.length)
      return (t: Record<string, unknown>, row: readonly unknown[], at: number) => {
        const v = fromColumn(kind, row[at + i]);
        if (v !== undefined) setPath(t, f.path, v);
      };
    return b === undefined
      ? (t: Record<string, unknown>, row: readonly unknown[], at: number) => {
          const v = fromColumn(kind, row[at + i]);
          if (v !== undefined) t[a] = v;
        }
      : (t: Record<string, unknown>, row: readonly unknown[], at: number) => {
          const v = fromColumn(kind, row[at + i]);
          if (v !== undefined) (t[a] as Record<string, unknown>)[b] = v;
        };
  });
  return {
    columns: fields.map((f) => f.column),
    read(row, offset = 0) {
      const t: Record<string, unknown> = { title: '', summary: '' };
      for (const c of containers) if (c) t[c] = {};
      for (const set of setters) set(t, row, offset);
      return t as Threat;
    },
  };
}

/** A fast reader of one dotted path. */
function getter(path: string): (obj: object) => unknown {
  const [a, b, ...more] = path.split('.') as [string, string | undefined, ...string[]];
  if (more.length) return (obj) => getPath(obj, path);
  if (b === undefined) return (obj) => (obj as Record<string, unknown>)[a];
  return (obj) => (obj as Record<string, Record<string, unknown> | undefined>)[a]?.[b];
}

/** The text the log's full-text search indexes, column by column (threats_fts). */
export function searchText(threat: Threat): [string, string, string, string, string, string, string] {
  const translations: string[] = [];
  for (const t of Object.values(threat.translations ?? {})) {
    if (t.title) translations.push(t.title);
    if (t.summary) translations.push(t.summary);
    if (t.falseClaim) translations.push(t.falseClaim);
    for (const f of t.facts ?? []) translations.push(f);
  }
  // Invisible characters would split words ("Tues\u200Bday"): they are left out of the index.
  const columns: [string, string, string, string, string, string, string] = [
    threat.title,
    threat.summary,
    threat.falseClaim ?? '',
    (threat.facts ?? []).join('\n'),
    [threat.id, threat.source.name ?? '', threat.target.description ?? ''].join('\n'),
    [...(threat.place.regions ?? []), ...(threat.place.channels ?? [])].join('\n'),
    translations.join('\n'),
  ];
  return columns.map(withoutInvisible) as typeof columns;
}
