// The load test's bookkeeping, as pure functions: percentiles, and which writes the server answered ok
// that the database or its audit log does not hold (lost writes).

/** A write the server answered ok: what must be found afterwards. */
export interface AckedWrite {
  kind: 'threat' | 'draft' | 'assessment' | 'policy';
  /** The record's id (threat, draft, assessment number; "policy"). */
  id: string;
  /** The version the answer gave. */
  version: number;
  /** A text the write put in the record, to find in that version (threats and drafts). */
  marker?: string;
}

/** What the database and the audit log say about one acknowledged write. */
export interface WriteEvidence {
  /** The version is in the record's history, holding the marker if there is one. */
  inRecord: boolean;
  /** The audit log has the entry for it. */
  inAudit: boolean;
}

/** The writes answered ok that are missing from the record or from the audit log. */
export function lostWrites(
  acked: readonly AckedWrite[],
  evidence: (write: AckedWrite) => WriteEvidence,
): { lost: AckedWrite[]; checked: number } {
  const lost = acked.filter((w) => {
    const e = evidence(w);
    return !e.inRecord || !e.inAudit;
  });
  return { lost, checked: acked.length };
}

/** The p-th percentile (0–100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** One figure rounded to a tenth of a millisecond. */
export const ms = (x: number): number => Math.round(x * 10) / 10;

/** Picks one of `weights`' keys with probability proportional to its weight. */
export function pick<K extends string>(weights: Readonly<Record<K, number>>, random: () => number): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

/** A small seeded generator: the benchmark's (mulberry32), so the same run makes the same choices. */
export { rng as seeded } from '../bench/generate';
