// Threats as CSV, one row each. Flat columns for the contract's fields (lists and objects as
// JSON), and an `extra` column carrying whatever the flat columns cannot (unknown fields, empty
// strings), so that a CSV round trip keeps every field. Cells that a spreadsheet would run as a
// formula are neutralised with a leading apostrophe, which import removes again.
import { parse as parseStream } from 'csv-parse';
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

/** csv-parse's own parser, fed piece by piece (its synchronous core, which its sync API uses too). */
interface CsvCore {
  parse(
    data: Buffer | undefined,
    end: boolean,
    push: (row: { record: string[]; info: { lines: number } }) => void,
    close: () => void,
  ): Error | undefined;
}

const MAX_PROBLEMS = 20;

/**
 * Reads threats from CSV text given in pieces, one record at a time, so that a file of any size is never
 * held whole: each valid row is handed over as a contract threat with its line; problems (with line and
 * column) are collected, up to 20, and no row is handed over after the first. Line breaks inside quoted
 * cells are read as CSV says.
 */
export class ThreatCsvReader {
  readonly problems: ProblemLocation[] = [];
  /** Problems found, counted beyond the 20 kept. */
  problemCount = 0;
  private readonly core = (
    parseStream({ bom: true, info: true, relax_column_count: false, skip_empty_lines: true }) as unknown as {
      api: CsvCore;
    }
  ).api;
  private index: Map<string, number> | null = null;
  private previousEnd = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly fileName: string,
    private readonly onThreat: (threat: Threat, line: number) => void,
  ) {}

  write(text: string): void {
    this.feed(Buffer.from(text, 'utf8'), false);
  }

  /** The end of the text: throws when the file is empty or not CSV. */
  end(): void {
    this.feed(undefined, true);
    if (!this.index)
      throw new AppError(
        'import-invalid',
        { id: 'transfer/empty-nothing-imported', params: { fileName: this.fileName } },
        [{ where: 'line 1', message: 'no header row' }],
      );
  }

  private feed(data: Buffer | undefined, end: boolean): void {
    const err = this.core.parse(
      data,
      end,
      ({ record, info }) => {
        const line = this.previousEnd + 1;
        this.previousEnd = info.lines;
        this.record(record, line);
      },
      () => undefined,
    );
    if (err) {
      const e = err as Error & { lines?: number };
      const where = e.lines !== undefined ? `line ${e.lines}` : 'the file';
      throw new AppError(
        'import-invalid',
        {
          id: 'transfer/not-valid-csv-nothing',
          params: { fileName: this.fileName, where, message: e.message },
        },
        [{ where, message: e.message }],
      );
    }
  }

  private problem(p: ProblemLocation): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private record(record: string[], line: number): void {
    if (!this.index) return this.header(record);
    if (this.problems.length >= MAX_PROBLEMS) return;
    const index = this.index;
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
      return this.problem({
        where: `line ${line}`,
        message: `a JSON cell cannot be read: ${(err as Error).message}`,
      });
    }
    const unsafe = findUnsafeShape(obj);
    if (unsafe) return this.problem({ where: `line ${line}`, message: unsafe });
    const parsed = ThreatSchema.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const columnName = columnFor(issue.path);
        const at = index.get(columnName);
        const col = at === undefined ? undefined : at + 1;
        this.problem({
          where: `line ${line}${col ? `, column ${col} (${columnName})` : ` (${columnName})`}`,
          message: `${jsonPath(issue.path)} ${issue.message}`,
        });
      }
      return;
    }
    const first = this.seen.get(parsed.data.id);
    if (first !== undefined)
      return this.problem({
        where: `line ${line}, column ${(index.get('id') ?? 0) + 1} (id)`,
        message: `repeats the id ${parsed.data.id} of line ${first}`,
      });
    this.seen.set(parsed.data.id, line);
    if (this.problems.length === 0) this.onThreat(parsed.data, line);
  }

  private header(row: string[]): void {
    const header = row.map((h) => unescapeCell(h).trim());
    const problems: ProblemLocation[] = [];
    for (const required of ['id', 'electionId', 'title']) {
      if (!header.includes(required))
        problems.push({ where: 'line 1', message: `the header has no "${required}" column` });
    }
    for (const [i, h] of header.entries()) {
      if (!CSV_HEADER.includes(h))
        problems.push({ where: `line 1, column ${i + 1}`, message: `unknown column "${h}"` });
    }
    if (problems.length)
      throw new AppError('import-invalid', importRefusal(this.fileName, problems, problems.length), problems);
    this.index = new Map(header.map((h, i) => [h, i]));
  }
}

/** A whole CSV text's threats, or an error saying where it is wrong. */
export function parseThreatsCsv(text: string, fileName = 'the file'): Threat[] {
  const threats: Threat[] = [];
  const reader = new ThreatCsvReader(fileName, (t) => threats.push(t));
  reader.write(text);
  reader.end();
  if (reader.problems.length)
    throw new AppError(
      'import-invalid',
      importRefusal(fileName, reader.problems, reader.problemCount),
      reader.problems,
    );
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
