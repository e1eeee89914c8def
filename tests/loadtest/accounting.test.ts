// The load test's bookkeeping: a write answered ok but missing from its record or from the audit log is a
// lost write; percentiles are nearest-rank; the action mix follows its weights.
import { describe, expect, it } from 'vitest';
import { lostWrites, percentile, pick, seeded, type AckedWrite } from '../../loadtest/accounting';

const writes: AckedWrite[] = [
  { kind: 'threat', id: 'T-1', version: 2, marker: 'edit-a' },
  { kind: 'threat', id: 'T-1', version: 3, marker: 'edit-b' },
  { kind: 'draft', id: 'D-1', version: 4 },
  { kind: 'policy', id: 'policy', version: 7 },
];

describe('load test accounting', () => {
  it('counts a write as lost when its version is missing from the record, or its audit entry is', () => {
    const everywhere = lostWrites(writes, () => ({ inRecord: true, inAudit: true }));
    expect(everywhere).toEqual({ lost: [], checked: 4 });
    // The database kept version 2 of T-1 but not version 3 (e.g. a crash lost a write answered ok).
    const history = new Set(['threat:T-1:2', 'draft:D-1:4', 'policy:policy:7']);
    const audit = new Set(['threat:T-1:2', 'threat:T-1:3', 'draft:D-1:4']);
    const { lost } = lostWrites(writes, (w) => ({
      inRecord: history.has(`${w.kind}:${w.id}:${w.version}`),
      inAudit: audit.has(`${w.kind}:${w.id}:${w.version}`),
    }));
    expect(lost).toEqual([writes[1], writes[3]]);
  });

  it('takes nearest-rank percentiles, whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });

  it('picks actions in proportion to their weights, never one of weight 0', () => {
    const random = seeded(42);
    const counts = { browse: 0, edit: 0, policy: 0 };
    for (let i = 0; i < 10_000; i++) counts[pick({ browse: 3, edit: 1, policy: 0 }, random)]++;
    expect(counts.policy).toBe(0);
    expect(counts.browse / counts.edit).toBeGreaterThan(2.5);
    expect(counts.browse / counts.edit).toBeLessThan(3.5);
  });
});
