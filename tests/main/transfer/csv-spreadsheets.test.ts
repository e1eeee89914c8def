// An exported CSV that no spreadsheet can turn into a formula, read by the readers officials use:
// Python's csv module (as data tools read it) and LibreOffice Calc (converted to .xlsx, whose sheet XML
// marks every formula with <f>). Hostile cells begin with a formula character, after spaces, tabs or line
// breaks, or hide a lone CR or LF that an unquoted cell would turn into a row break. The positive control
// shows that Calc does run a bare formula cell, so "no <f>" means something.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../src/main/transfer/csv';
import { isFormulaLike, neutraliseCell } from '../../../src/main/transfer/csv-cell';
import type { ExportResult } from '../../../src/shared/domain/transfer';
import type { Threat } from '../../../src/shared/domain/workspace';
import { openTestApp, tempDir } from '../../helpers/db';
import { threat, workspace } from '../../fixtures/mini-workspace';

const HOSTILE = [
  '\r=2+5',
  '\n=3+4',
  '\r\n=4+4',
  ' =1+1',
  '   @SUM(A1)',
  '\t=cmd|calc',
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  'Line one\n=5+5',
  'Line one\r=6+6',
  'trailing CR\r',
  'quote " inside, and a comma',
  "'apostrophe first",
  '\u00a0=7+7',
];

function hostileThreats(): Threat[] {
  const threats = HOSTILE.map((text, i) =>
    threat(`H-${i}`, {
      title: text,
      summary: `${text} (summary)`,
      facts: [text, 'A plain fact.'],
      source: { actor: 'unknown', confidence: 'low', name: text },
    }),
  );
  // Ordinary threats around them, so that a row cut in two shows up as a count.
  for (let i = 0; i < 20; i++) threats.push(threat(`P-${i}`, { title: `Plain threat ${i}` }));
  return threats;
}

async function exportCsv(dir: string): Promise<{ file: string; threats: Threat[] }> {
  const app = openTestApp();
  const threats = hostileThreats();
  await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace(threats)) });
  const exported = await app.call<ExportResult>('workspace:export', {
    format: 'csv',
    includeClassified: true,
  });
  const file = path.join(dir, 'threats.csv');
  fs.writeFileSync(file, exported.content);
  return { file, threats };
}

/** Python's csv module, reading the file as a spreadsheet-minded script would. */
function pythonRows(file: string): string[][] {
  const run = spawnSync(
    'python3',
    [
      '-c',
      "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f))))",
      file,
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[][];
}

/** LibreOffice Calc opens the CSV (comma, double quote, UTF-8, formulas evaluated as Calc does by
 *  default) and saves it as .xlsx: the sheet's XML says which cells are formulas. */
async function calcSheet(file: string, dir: string): Promise<{ formulas: string[]; rows: number }> {
  const profile = path.join(dir, 'lo-profile');
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'xlsx',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  const xlsx = file.replace(/\.csv$/, '.xlsx');
  const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return {
    formulas: [...sheet.matchAll(/<f[ >][^<]*<\/f>/g)].map((m) => m[0]),
    rows: [...sheet.matchAll(/<row /g)].length,
  };
}

describe('an exported CSV, read by Python', () => {
  it('has one row per threat, every hostile cell quoted and neutralised, and reads back exactly', async () => {
    const dir = tempDir();
    const { file, threats } = await exportCsv(dir);
    const rows = pythonRows(file);
    expect(rows).toHaveLength(threats.length + 1);
    expect(rows[0]).toEqual(CSV_HEADER);
    const title = CSV_HEADER.indexOf('title');
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const t of threats) expect(byId.get(t.id)?.[title], t.id).toBe(neutraliseCell(t.title));
    for (const row of rows)
      for (const cell of row) expect(isFormulaLike(cell), JSON.stringify(cell)).toBe(false);

    // And Threshold reads its own file back to the same threats.
    const app = openTestApp();
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace([])) });
    const report = await app.call<{ threats: { created: number } }>('workspace:import', {
      format: 'csv',
      content: fs.readFileSync(file, 'utf8'),
    });
    expect(report.threats.created).toBe(threats.length);
    for (const t of threats) {
      const back = await app.call<{ threat: Threat }>('threats:get', { id: t.id });
      expect(back.threat).toEqual(t);
    }
  });
});

describe('an exported CSV, opened by LibreOffice Calc', () => {
  it('runs a bare formula cell (the control)', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'control.csv');
    fs.writeFileSync(file, 'title,note\r\n=2+5,bare\r\n"\n=3+4",quoted\r\n');
    const sheet = await calcSheet(file, dir);
    expect(sheet.formulas).toEqual(['<f aca="false">2+5</f>']);
  });

  it('holds no formula at all, and one row per threat', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const { file, threats } = await exportCsv(dir);
    const sheet = await calcSheet(file, dir);
    expect(sheet.formulas).toEqual([]);
    expect(sheet.rows).toBe(threats.length + 1);
  });
});
