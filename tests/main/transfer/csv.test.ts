import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/transfer';
import type { Threat, Workspace } from '../../../src/shared/domain/workspace';
import { escapeCell, parseThreatsCsv, threatsToCsv, unescapeCell } from '../../../src/main/transfer/csv';
import { openTestApp } from '../../helpers/db';
import { databaseFingerprint } from '../../helpers/snapshot';
import { election, threat, workspace } from '../../fixtures/mini-workspace';
import fc from 'fast-check';
import { isFormulaLike } from '../../../src/main/transfer/csv-cell';

describe('CSV formula injection', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\tcmd',
    '\rcmd',
    '\ncmd',
    '\n=3+4',
    ' =1+1',
    '\r\n  @x',
  ])('neutralises a cell starting %j', (cell) => {
    expect(escapeCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone and undoes its own escaping exactly', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeCell(s);
        expect(isFormulaLike(escaped)).toBe(false);
        expect(unescapeCell(escaped)).toBe(s);
        if (!isFormulaLike(s) && !s.startsWith("'")) expect(escaped).toBe(s);
      }),
    );
  });

  it('escapes dangerous cells in an exported file, in every column', () => {
    const evil = threat('=cmd|calc', {
      title: '=1+2',
      summary: '@evil',
      facts: ['-x'],
      source: { actor: 'unknown', confidence: 'low', name: '+danger' },
    });
    const rows = parse(threatsToCsv([evil])) as string[][];
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('CSV import and export', () => {
  it('round-trips every field, including multi-line text, lists and classified notes', () => {
    const t: Threat = threat('T-1', {
      summary: 'Line one,\nline "two"\r\nline three',
      classifiedNotes: [{ classification: 'SECRET', text: 'Source; with, punctuation' }],
      translations: { fr: { title: 'Titre', facts: ['Fait'] } },
      falseClaim: '',
      context: { debunkedByPartner: true },
      relatedIds: ['T-2'],
    });
    const back = parseThreatsCsv(threatsToCsv([t]));
    expect(back).toEqual([t]);
  });

  it('says the line and column of a bad cell, and imports nothing', async () => {
    const app = openTestApp();
    await app.call('workspace:import', { format: 'json', content: JSON.stringify(workspace()) });
    const before = databaseFingerprint(app.db);
    const csv = threatsToCsv([
      threat('T-5'),
      threat('T-6', { summary: 'two\nlines' }),
      threat('T-7'),
    ]).replace(
      ',mislead-voting-process,disinformation,general-public',
      ',mislead-voting-process,disinformation,aliens',
    );
    // The first row is broken; break the third row's breakout instead to see a later line.
    const lines = threatsToCsv([
      threat('T-5'),
      threat('T-6', { summary: 'two\nlines' }),
      threat('T-7', { reach: { breakout: 9 } }),
    ]);
    const result = await app.dispatch('workspace:import', {
      format: 'csv',
      content: lines,
      fileName: 'log.csv',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      // Header is line 1, T-5 line 2, T-6 lines 3–4, T-7 line 5; reach.breakout is column 18.
      expect(result.error.problems?.[0]?.where).toBe('line 5, column 18 (reach.breakout)');
    }
    const result2 = await app.dispatch('workspace:import', {
      format: 'csv',
      content: csv,
      fileName: 'log.csv',
    });
    expect(!result2.ok && result2.error.problems?.[0]?.where).toBe('line 2, column 7 (target.kind)');
    expect(databaseFingerprint(app.db)).toBe(before);
  });

  it('refuses a threat whose election is not in the workspace', async () => {
    const app = openTestApp();
    const result = await app.dispatch('workspace:import', {
      format: 'csv',
      content: threatsToCsv([threat('T-1')]),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/no election with id el-test/);
  });

  it('accepts lists written by hand with semicolons', () => {
    const csv = threatsToCsv([threat('T-1')]).replace('"[""North Shore""]"', 'North Shore; Capital Region');
    expect(parseThreatsCsv(csv)[0]!.place.regions).toEqual(['North Shore', 'Capital Region']);
  });

  it('exports from the app and imports back into another database unchanged', async () => {
    const a = openTestApp();
    const ws: Workspace = workspace([
      threat('T-1', { title: '=SUM(1)' }),
      threat('T-2', { summary: 'multi\nline' }),
    ]);
    await a.call('workspace:import', { format: 'json', content: JSON.stringify(ws) });
    const csv = await a.call<ExportResult>('workspace:export', { format: 'csv' });
    expect(csv.content.split('\r\n')[1]).toContain("'=SUM(1)");
    const b = openTestApp();
    await b.call('elections:save', { election });
    await b.call('workspace:import', { format: 'csv', content: csv.content });
    const back = JSON.parse(
      (await b.call<ExportResult>('workspace:export', { format: 'json' })).content,
    ) as Workspace;
    expect(back.threats).toEqual(ws.threats);
  });
});
