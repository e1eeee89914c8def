// Each threat's current level and score (threats.level / threats.score), kept in step with the policy in
// force, as of now. The deciding is pure (levelOf, thresholdBand, previewLevels); LevelKeeper only reads and
// writes rows: one prepared iterate to read, prepared statements to update, the policy compiled once.
import type { Level } from '../../shared/domain/enums';
import { levelRank } from '../../shared/domain/enums';
import type { Election, Threat } from '../../shared/domain/workspace';
import type { Policy } from '../../shared/domain/policy';
import {
  emptyCounts,
  type LevelChange,
  type LevelCounts,
  type PolicyPreview,
} from '../../shared/domain/decision';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import { compilePolicy, scoreThreat } from './engine';
import { ThreatRepository, type ScoringRow } from '../threats/repository';

export interface LevelScore {
  level: Level;
  score: number;
}

/** The level and score of one threat under a policy, as of an instant (no explanation: bulk use).
 *  The same level and score as assessThreat gives (tested as a property). */
export function levelOf(
  threat: Threat,
  election: Election | undefined,
  policy: Policy,
  asOf: string,
): LevelScore {
  return scoreThreat(threat, election, policy, asOf);
}

/** The parts of a policy that never change a score: the thresholds (and the texts). */
function scoringPart(p: Policy): string {
  return JSON.stringify({
    ...p,
    version: 0,
    name: '',
    description: '',
    thresholds: null,
    electionPeriodThresholds: null,
  });
}

const thresholdValues = (p: Policy): number[] => [
  p.thresholds.engagePrivately,
  p.thresholds.speakPublicly,
  ...(p.electionPeriodThresholds
    ? [p.electionPeriodThresholds.engagePrivately, p.electionPeriodThresholds.speakPublicly]
    : []),
];

/**
 * When two policies differ only in their thresholds, no score changes, and a threat's level can change only
 * if its score lies between an old and a new threshold: the band [lo, hi] to recompute. Null when anything
 * else differs (every threat must then be recomputed). An empty band (nothing to do) is [1, 0].
 */
export function thresholdBand(from: Policy, to: Policy): [number, number] | null {
  if (scoringPart(from) !== scoringPart(to)) return null;
  const a = thresholdValues(from);
  const b = thresholdValues(to);
  const sameShape = a.length === b.length;
  const moved = sameShape ? a.flatMap((v, i) => (v === b[i] ? [] : [v, b[i]!])) : [...a, ...b];
  if (moved.length === 0) return [1, 0];
  return [Math.min(...moved), Math.max(...moved)];
}

export interface PreviewRow {
  threat: Threat;
  title: string;
  /** The level stored for the threat (the one the log shows), if known: the "from" of a change. */
  level?: Level | null;
  score?: number | null;
}

/**
 * What a proposed policy would do to a log: the counts at each level under the policy in force and under
 * the proposed one, and the threats that change level (the biggest moves first, at most `limit`).
 * `unchanged` counts threats left out of `rows` because they cannot change level (see thresholdBand).
 */
export function previewLevels(
  rows: Iterable<PreviewRow>,
  electionOf: (id: string) => Election | undefined,
  current: Policy,
  proposed: Policy,
  asOf: string,
  limit = 200,
  unchanged: LevelCounts = emptyCounts(),
): PolicyPreview {
  compilePolicy(current);
  compilePolicy(proposed);
  const preview: PolicyPreview = {
    asOf,
    total: 0,
    current: { ...unchanged },
    proposed: { ...unchanged },
    changed: 0,
    changes: [],
  };
  preview.total = unchanged.monitor + unchanged['engage-privately'] + unchanged['speak-publicly'];
  const changes: LevelChange[] = [];
  for (const { threat, title, level, score } of rows) {
    const election = electionOf(threat.electionId);
    const before =
      level && typeof score === 'number' ? { level, score } : levelOf(threat, election, current, asOf);
    const after = levelOf(threat, election, proposed, asOf);
    preview.total++;
    preview.current[before.level]++;
    preview.proposed[after.level]++;
    if (before.level !== after.level) {
      preview.changed++;
      changes.push({
        id: threat.id,
        title,
        electionId: threat.electionId,
        from: before.level,
        to: after.level,
        fromScore: before.score,
        toScore: after.score,
      });
    }
  }
  const move = (c: LevelChange) => Math.abs(levelRank(c.to) - (c.from ? levelRank(c.from) : 0));
  changes.sort(
    (a, b) =>
      move(b) - move(a) ||
      Math.abs(b.toScore - (b.fromScore ?? 0)) - Math.abs(a.toScore - (a.fromScore ?? 0)) ||
      a.id.localeCompare(b.id),
  );
  preview.changes = changes.slice(0, limit);
  return preview;
}

/** Reads and writes the level columns. Call inside the transaction of the change that prompted it. */
export class LevelKeeper {
  private readonly threats: ThreatRepository;

  constructor(private readonly db: Db) {
    this.threats = new ThreatRepository(db);
  }

  /** Every election (deleted ones too, so that their threats still have a calendar), parsed once. */
  elections(): Map<string, Election> {
    const map = new Map<string, Election>();
    for (const row of cached(this.db, 'SELECT id, doc FROM elections').all() as {
      id: string;
      doc: string;
    }[]) {
      map.set(row.id, JSON.parse(row.doc) as Election);
    }
    return map;
  }

  /** Recomputes the given threats (deleted ones too). Returns how many rows changed. */
  recompute(ids: readonly string[], policy: Policy, asOf: string): number {
    if (ids.length === 0) return 0;
    const elections = this.elections();
    const read = cached(
      this.db,
      'SELECT t.rowid, d.doc, t.level, t.score FROM threats t JOIN threat_docs d ON d.rowid = t.rowid WHERE t.id = ?',
    );
    let changed = 0;
    for (const id of ids) {
      const row = read.get(id) as StoredLevelRow | undefined;
      if (!row) continue;
      const threat = JSON.parse(row.doc) as Threat;
      const next = levelOf(threat, elections.get(threat.electionId), policy, asOf);
      if (this.write(row, next)) changed++;
    }
    return changed;
  }

  /**
   * Recomputes every live threat — or only those never assessed, or only those whose score lies in a band
   * (after a change of thresholds alone). The policy is compiled once and each election's calendar once;
   * rows are read with one iterate, then written with one prepared statement.
   */
  recomputeAll(
    policy: Policy,
    asOf: string,
    opts: { onlyMissing?: boolean; scoreBand?: [number, number] } = {},
  ): number {
    const elections = this.elections();
    compilePolicy(policy);
    // The changes are kept while the rows are read, then written.
    const changes: { row: Pick<StoredLevelRow, 'rowid' | 'level' | 'score'>; next: LevelScore }[] = [];
    for (const { row, next } of this.scoreAll(
      policy,
      asOf,
      opts.onlyMissing ? { missingLevel: true } : opts.scoreBand ? { scoreBand: opts.scoreBand } : {},
      elections,
    )) {
      if (next.level !== row.level || next.score !== row.score) changes.push({ row, next });
    }
    for (const { row, next } of changes) this.write(row, next);
    return changes.length;
  }

  /** Every live threat (or those selected) scored under a policy, read from the log's columns. */
  *scoreAll(
    policy: Policy,
    asOf: string,
    where: { missingLevel?: boolean; scoreBand?: readonly [number, number] } = {},
    elections = this.elections(),
  ): Generator<{ row: ScoringRow; next: LevelScore }> {
    compilePolicy(policy);
    for (const row of this.threats.iterateForScoring(where)) {
      yield { row, next: levelOf(row.threat, elections.get(row.threat.electionId), policy, asOf) };
    }
  }

  /** Writes a changed level and score; the score alone when the level stays, which leaves the indexes on
   *  the level untouched (three times faster over a whole log). Returns whether anything changed. */
  private write(row: Pick<StoredLevelRow, 'rowid' | 'level' | 'score'>, next: LevelScore): boolean {
    if (next.level !== row.level) {
      cached(this.db, 'UPDATE threats SET level = ?, score = ? WHERE rowid = ?').run(
        next.level,
        next.score,
        row.rowid,
      );
      return true;
    }
    if (next.score !== row.score) {
      cached(this.db, 'UPDATE threats SET score = ? WHERE rowid = ?').run(next.score, row.rowid);
      return true;
    }
    return false;
  }

  /**
   * What a proposed policy would change, from the levels the log shows now. After a change of thresholds
   * alone only the threats in the band are read; the others are counted at their stored level.
   */
  preview(current: Policy, proposed: Policy, asOf: string, limit: number): PolicyPreview {
    const elections = this.elections();
    const band = thresholdBand(current, proposed);
    const unchanged = emptyCounts();
    if (band) {
      const outside = cached(
        this.db,
        'SELECT level, count(*) AS n FROM threats WHERE deleted_at IS NULL AND level IS NOT NULL AND score IS NOT NULL AND NOT (score BETWEEN ? AND ?) GROUP BY level',
      ).all(band[0], band[1]) as { level: Level; n: number }[];
      for (const { level, n } of outside) unchanged[level] = n;
    }
    const threats = this.threats;
    function* rows(): Generator<PreviewRow> {
      for (const row of threats.iterateForScoring(band ? { scoreBand: band } : {}))
        yield { threat: row.threat, title: '', level: row.level, score: row.score };
    }
    const preview = previewLevels(
      rows(),
      (id) => elections.get(id),
      current,
      proposed,
      asOf,
      limit,
      unchanged,
    );
    // Titles only for the changes shown.
    const title = cached(this.db, 'SELECT title FROM threats WHERE id = ?').pluck();
    for (const change of preview.changes)
      change.title = (title.get(change.id) as string | undefined) ?? change.id;
    return preview;
  }

  /** How many live threats have no level yet. */
  missing(): number {
    return (
      cached(
        this.db,
        'SELECT count(*) AS n FROM threats WHERE level IS NULL AND deleted_at IS NULL',
      ).get() as { n: number }
    ).n;
  }
}

interface StoredLevelRow {
  rowid: number;
  doc: string;
  level: Level | null;
  score: number | null;
}
