// Doyensec Electronegativity over the shell, the preload and the page: no HIGH or MEDIUM finding
// that a person has not reviewed (scripts/electronegativity.mjs lists the reviewed ones, pinned to
// their code, with the reason and the test that backs each).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/db';
import { recordFigures } from './helpers';

interface Report {
  electronVersion: string;
  checks: { global: number; atomic: number };
  parseErrors: string[];
  findings: { id: string; severity: string; file: string; line: number }[];
  reviewed: { id: string; file: string; reason: string }[];
  unusedReviews: string[];
  severe: { id: string; severity: string; file: string; line: number; sample: string }[];
}

describe('Electronegativity', () => {
  it('finds nothing of HIGH or MEDIUM severity that has not been reviewed, and parses every file', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'electronegativity.mjs'), '--json'],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).not.toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.checks.atomic).toBeGreaterThan(30);
    expect(report.parseErrors).toEqual([]);
    expect(report.severe).toEqual([]);
    expect(report.unusedReviews).toEqual([]);
    // The window checks did read the window's options (they find the preload there).
    expect(report.findings.some((f) => f.id === 'PRELOAD_JS_CHECK' && f.file.endsWith('window.ts'))).toBe(
      true,
    );
    expect(run.status).toBe(0);
    recordFigures('electronegativity', {
      checks: report.checks.global + report.checks.atomic,
      severe: report.severe.length,
      reviewed: report.reviewed.map((r) => r.id),
      low: report.findings
        .filter((f) => f.severity === 'LOW' || f.severity === 'INFORMATIONAL')
        .map((f) => f.id),
    });
  });
});
