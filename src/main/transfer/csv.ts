// Threats as CSV, one row each. Flat columns for the contract's fields (lists and objects as
// JSON), and an `extra` column carrying whatever the flat columns cannot (unknown fields, empty
// strings), so that a CSV round trip keeps every field. Cells that a spreadsheet would run as a
// formula are neutralised with a leading apostrophe, which import removes again.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import { jsonPath } from '../../shared/domain/location';
import { findUnsafeShape } from '../../shared/domain/safe-shape';
import { getPath, setPath } from '../../shared/domain/paths';
import { THREAT_FIELDS, type ThreatField } from '../../shared/domain/threat-fields';
import { ThreatSchema, type Threat } from '../../shared/domain/workspace';
import { CSV_WRITE_OPTIONS, neutraliseCell, restoreCell } from './csv-cell';

type Kind = 'text' | 'int' | 'json' | 'list';
/** A CSV column: its header (the field's contract path) and how its cells hold values. */
interface Column {
  name: string;
  kind: Kind;
}
const CELL_KIND: Record<ThreatField['kind'], Kind> = {
  text: 'text',
  enum: 'text',
  datetime: 'text',
  int: 'int',
  list: 'list',
  json: 'json',
  flags: 'json',
};
/** One column per field of the field table, in its order. */
const COLUMNS: readonly Column[] = THREAT_FIELDS.map((f) => ({ name: f.path, kind: CELL_KIND[f.kind] }));
export const CSV_HEADER = [...COLUMNS.map((c) => c.name), 'extra'];

/** Neutralises spreadsheet formula injection; a leading apostrophe is escaped too, so import can undo it exactly. */
export const escapeCell = neutraliseCell;
export const unescapeCell = restoreCell;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function cellOf(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return '';
  if (kind === 'text') return typeof value === 'string' ? value : JSON.stringify(value);
  if (kind === 'int') return String(value);
  return JSON.stringify(value);
}

function valueOf(cell: string, kind: Kind): unknown {
  if (cell === '') return undefined;
  if (kind === 'text') return cell;
  if (kind === 'int') return /^-?\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell;
  if (kind === 'list' && !cell.trimStart().startsWith('['))
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  return JSON.parse(cell) as unknown;
}

/** What `original` has that `rebuilt` lacks or holds differently, as a JSON merge patch. */
function missingPatch(original: Obj, rebuilt: Obj): Obj | undefined {
  const patch: Obj = {};
  for (const key of Object.keys(original)) {
    const a = original[key];
    const b = rebuilt[key];
    if (isObj(a) && isObj(b)) {
      const sub = missingPatch(a, b);
      if (sub) patch[key] = sub;
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      patch[key] = a;
    }
  }
  return Object.keys(patch).length ? patch : undefined;
}

function applyPatch(target: Obj, patch: Obj): void {
  for (const [key, value] of Object.entries(patch)) {
    if (isObj(value) && isObj(target[key])) applyPatch(target[key] as Obj, value);
    else target[key] = value;
  }
}

/** The cell at a column's index in a record, or empty when the file has no such column. */
function cellAt(record: readonly string[], at: number | undefined): string {
  return at === undefined ? '' : (record[at] ?? '');
}

function rowToObject(cells: readonly string[]): Obj {
  const obj: Obj = {};
  COLUMNS.forEach(({ name, kind }, i) => {
    const value = valueOf(cells[i] ?? '', kind);
    if (value !== undefined) setPath(obj, name, value);
  });
  return obj;
}

export function threatsToCsv(threats: Iterable<Threat>): string {
  const rows: string[][] = [CSV_HEADER];
  for (const threat of threats) {
    const cells = COLUMNS.map(({ name, kind }) => cellOf(getPath(threat, name), kind));
    const extra = missingPatch(threat, rowToObject(cells));
    cells.push(extra ? JSON.stringify(extra) : '');
    rows.push(cells.map(escapeCell));
  }
  return stringify(rows, CSV_WRITE_OPTIONS);
}

export function parseThreatsCsv(text: string, fileName = 'the file'): Threat[] {
  let records: string[][];
  const lines: number[] = [];
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    let previousEnd = 0;
    records = parsed.map(({ record, info }) => {
      lines.push(previousEnd + 1);
      previousEnd = info.lines;
      return record;
    });
  } catch (err) {
    const e = err as Error & { lines?: number; column?: number | string };
    const where = e.lines !== undefined ? `line ${e.lines}` : 'the file';
    throw new AppError(
      'import-invalid',
      `${fileName} is not valid CSV (${where}): ${e.message}. Nothing was imported.`,
      [{ where, message: e.message }],
    );
  }
  const [headerRow, ...rows] = records;
  if (!headerRow)
    throw new AppError('import-invalid', `${fileName} is empty. Nothing was imported.`, [
      { where: 'line 1', message: 'no header row' },
    ]);

  const header = headerRow.map((h) => unescapeCell(h).trim());
  const problems: ProblemLocation[] = [];
  const index = new Map(header.map((h, i) => [h, i]));
  for (const required of ['id', 'electionId', 'title']) {
    if (!index.has(required))
      problems.push({ where: 'line 1', message: `the header has no "${required}" column` });
  }
  for (const [i, h] of header.entries()) {
    if (!CSV_HEADER.includes(h))
      problems.push({ where: `line 1, column ${i + 1}`, message: `unknown column "${h}"` });
  }
  if (problems.length)
    throw new AppError('import-invalid', importRefusal(fileName, problems, problems.length), problems);

  const threats: Threat[] = [];
  const seen = new Map<string, number>();
  for (const [r, record] of rows.entries()) {
    if (problems.length >= 20) break;
    const line = lines[r + 1] ?? r + 2;
    const raw = record.map(unescapeCell);
    const ordered = COLUMNS.map(({ name }) => cellAt(raw, index.get(name)));
    let obj: Obj;
    try {
      obj = rowToObject(ordered);
      const extraCell = cellAt(raw, index.get('extra'));
      if (extraCell) {
        const patch = JSON.parse(extraCell) as unknown;
        if (!isObj(patch)) throw new Error('the extra column must hold a JSON object');
        applyPatch(obj, patch);
      }
    } catch (err) {
      problems.push({
        where: `line ${line}`,
        message: `a JSON cell cannot be read: ${(err as Error).message}`,
      });
      continue;
    }
    const unsafe = findUnsafeShape(obj);
    if (unsafe) {
      problems.push({ where: `line ${line}`, message: unsafe });
      continue;
    }
    const parsed = ThreatSchema.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const columnName = columnFor(issue.path);
        const at = index.get(columnName);
        const col = at === undefined ? undefined : at + 1;
        problems.push({
          where: `line ${line}${col ? `, column ${col} (${columnName})` : ` (${columnName})`}`,
          message: `${jsonPath(issue.path)} ${issue.message}`,
        });
      }
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined)
      problems.push({
        where: `line ${line}, column ${(index.get('id') ?? 0) + 1} (id)`,
        message: `repeats the id ${parsed.data.id} of line ${first}`,
      });
    seen.set(parsed.data.id, line);
    threats.push(parsed.data);
  }
  if (problems.length)
    throw new AppError('import-invalid', importRefusal(fileName, problems, problems.length), problems);
  return threats;
}

/** The CSV column a validation path falls in: the longest column name that prefixes it. */
function columnFor(path: readonly PropertyKey[]): string {
  const dotted = path.filter((k) => typeof k === 'string').join('.');
  let best = 'extra';
  for (const { name } of COLUMNS) {
    if (
      (dotted === name || dotted.startsWith(`${name}.`)) &&
      name.length > (best === 'extra' ? 0 : best.length)
    )
      best = name;
  }
  return best;
}
