// The audit chain detects any single tampering, as a property: for any log of 1–15 entries and any
// one mutation made to the file by someone without the app (a field edited, an entry deleted, two
// entries swapped), verify() reports a problem; and an untouched log always verifies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/main/audit/audit-log';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import { UNICODE_EDGE } from './fuzz-arbitraries';
import { recordFigures } from './helpers';

const LONG = process.env.THRESHOLD_LONG_TESTS === '1';
const RUNS = LONG ? 2000 : 300;
const FIELDS = ['at', 'actor', 'role', 'action', 'subject', 'details', 'prev_hash', 'hash'] as const;

const entry = fc.record({
  action: fc.constantFrom(
    'threat.created',
    'threat.edited',
    'decision.recorded',
    'workspace.imported',
    'backup.created',
  ),
  subject: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...UNICODE_EDGE)), {
    nil: undefined,
  }),
  actor: fc.option(fc.constantFrom('Ana', 'Jean-Pierre', 'Ｍａｒｉａ', 'O\u2019Brien'), { nil: undefined }),
  role: fc.option(fc.constantFrom('Director', 'Analyst'), { nil: undefined }),
  details: fc.jsonValue({ maxDepth: 2 }),
});

type Tamper =
  | { kind: 'edit'; index: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'delete'; index: number }
  | { kind: 'swap'; a: number; b: number };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    index: fc.nat(),
    field: fc.constantFrom(...FIELDS),
    value: fc.oneof(
      fc.string(),
      fc.constantFrom('', '0'.repeat(64), '{}', 'null', '{"level":"speak-publicly"}'),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function freshLog(entries: (fc.JsonValue | Record<string, unknown>)[]): { db: Db; log: AuditLog } {
  const db = openDatabase(':memory:');
  let t = Date.parse('2027-05-01T00:00:00Z');
  const log = new AuditLog(db, () => new Date((t += 1000)));
  db.transaction(() => {
    for (const e of entries as {
      action: string;
      subject?: string;
      actor?: string;
      role?: string;
      details: unknown;
    }[])
      log.append(e);
  })();
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return { db, log };
}

/** Applies the tampering directly in SQL; false when it would change nothing (e.g. an edit to the same value). */
function apply(db: Db, t: Tamper, n: number): boolean {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
  if (t.kind === 'edit') {
    const row = rows[t.index % n]!;
    if (row[t.field] === t.value) return false;
    db.prepare(`UPDATE audit_log SET ${t.field} = ? WHERE seq = ?`).run(t.value, row.seq);
    return true;
  }
  if (t.kind === 'delete') {
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(rows[t.index % n]!.seq);
    return true;
  }
  const a = rows[t.a % n]!;
  const b = rows[t.b % n]!;
  if (a.seq === b.seq) return false;
  // Reordering: each position takes the other's whole entry (content, links and hash).
  const cols = ['at', 'actor', 'role', 'action', 'subject', 'details', 'prev_hash', 'hash'];
  const set = db.prepare(
    `UPDATE audit_log SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`,
  );
  db.transaction(() => {
    set.run({ ...Object.fromEntries(cols.map((c) => [c, b[c]])), seq: a.seq });
    set.run({ ...Object.fromEntries(cols.map((c) => [c, a[c]])), seq: b.seq });
  })();
  return JSON.stringify(cols.map((c) => a[c])) !== JSON.stringify(cols.map((c) => b[c]));
}

describe('audit chain, as a property', () => {
  it(`detects any single edited field, deleted entry or swapped pair (${RUNS} logs)`, () => {
    const seen = { edit: 0, delete: 0, swap: 0 };
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 15 }), tamper, (entries, t) => {
        const { db, log } = freshLog(entries);
        try {
          expect(log.verify().ok).toBe(true);
          fc.pre(apply(db, t, entries.length));
          seen[t.kind]++;
          const result = log.verify();
          expect(result.ok, JSON.stringify(t)).toBe(false);
          expect(result.problems.length).toBeGreaterThan(0);
        } finally {
          closeDatabase(db);
        }
      }),
      { numRuns: RUNS },
    );
    expect(seen.edit).toBeGreaterThan(0);
    expect(seen.delete).toBeGreaterThan(0);
    expect(seen.swap).toBeGreaterThan(0);
    recordFigures(LONG ? 'audit-property-long' : 'audit-property', {
      runs: RUNS,
      tampered: seen.edit + seen.delete + seen.swap,
      ...seen,
      undetected: 0,
    });
  });
});

describe('audit chain and text SQLite cannot store as given', () => {
  it('verifies entries whose text holds lone surrogates (found by the property above: they read back as U+FFFD)', () => {
    const { db, log } = freshLog([
      {
        action: 'threat.created',
        subject: 'threat:\uD800',
        actor: 'Ana\uDC00',
        role: '\uD83D',
        details: { note: '\uD800' },
      },
      { action: 'threat.edited', subject: 'threat:ok', details: {} },
    ]);
    expect(log.verify()).toEqual({ ok: true, entries: 2, problems: [] });
    expect(log.list()[1]!.subject).toBe('threat:\uFFFD');
    closeDatabase(db);
  });
});
