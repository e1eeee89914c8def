// Each threat's current level and score (threats.level / threats.score), kept in step with the policy in
// force, as of now. The deciding is pure (levelOf, thresholdBand, previewLevels); LevelKeeper reads and
// writes the rows through the threat store: one iterate to read, one statement to update, the policy
// compiled once.
import { createHash } from 'node:crypto';
import { z } from 'zod';
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
import type { LevelScore } from '../../shared/domain/threat-log';
import type { ServiceContext } from '../context';
import type { ElectionRepository } from '../elections/repository';
import type { ScoringRow, ThreatStore } from '../threats/store';
import type { ThreatScoring } from '../threats/scoring';
import { compilePolicy, scoreThreat } from './engine';
import type { PolicyInForce } from './policy-store';

export type { LevelScore };

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
  const moved = sameShape
    ? a.flatMap((v, i) => {
        const w = b[i] ?? v;
        return v === w ? [] : [v, w];
      })
    : [...a, ...b];
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

const LEVELS_KEY = 'assessment.levels';
/** What the stored levels are "as of": the policy, the day and the elections' calendars. */
const LevelsStampSchema = z.object({ policyVersion: z.number(), day: z.string(), elections: z.string() });
type LevelsStamp = z.infer<typeof LevelsStampSchema>;

/**
 * Keeps each threat's level and score (in the threat store) in step with the policy in force, as of
 * now: scores threats as they are written (the ThreatScoring port), re-scores those changed without
 * it and an election's threats when its calendar changes (events wired in services.ts), every threat
 * when the policy changes, and at start whatever is stale. Call inside the transaction of the change.
 */
export class LevelKeeper implements ThreatScoring {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly threats: ThreatStore,
    private readonly elections: ElectionRepository,
    private readonly policies: PolicyInForce,
  ) {}

  private now(): string {
    return this.ctx.clock().toISOString();
  }

  /** A scorer for one batch of writes: the policy, the calendars and the instant are read once. */
  scorer(): (threat: Threat) => LevelScore {
    const elections = this.elections.allById();
    const policy = this.policies.get();
    const asOf = this.now();
    return (threat) => levelOf(threat, elections.get(threat.electionId), policy, asOf);
  }

  /** Re-scores the given threats (deleted ones too). Returns how many rows changed. */
  recompute(ids: readonly string[]): number {
    if (ids.length === 0) return 0;
    const score = this.scorer();
    let changed = 0;
    for (const row of [...this.threats.scoringRows(ids)])
      if (this.threats.writeLevel(row, score(row.threat))) changed++;
    return changed;
  }

  /** Re-scores an election's live threats (its calendar drives their timing). */
  recomputeElection(electionId: string): number {
    return this.recompute(this.threats.liveIds(electionId));
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
    // The changes are kept while the rows are read, then written: only what writing needs, so that each
    // threat read can be collected as soon as it is scored.
    const changes: { row: Pick<ScoringRow, 'rowid' | 'level' | 'score'>; next: LevelScore }[] = [];
    for (const { row, next } of this.scoreAll(
      policy,
      asOf,
      opts.onlyMissing ? { missingLevel: true } : opts.scoreBand ? { scoreBand: opts.scoreBand } : {},
    )) {
      if (next.level !== row.level || next.score !== row.score)
        changes.push({ row: { rowid: row.rowid, level: row.level, score: row.score }, next });
    }
    for (const { row, next } of changes) this.threats.writeLevel(row, next);
    return changes.length;
  }

  /** Every live threat (or those selected) scored under a policy, read from the log's columns. */
  *scoreAll(
    policy: Policy,
    asOf: string,
    where: { missingLevel?: boolean; scoreBand?: readonly [number, number] } = {},
  ): Generator<{ row: ScoringRow; next: LevelScore }> {
    const elections = this.elections.allById();
    compilePolicy(policy);
    for (const row of this.threats.iterateForScoring(where)) {
      yield { row, next: levelOf(row.threat, elections.get(row.threat.electionId), policy, asOf) };
    }
  }

  private stamp(policyVersion: number): LevelsStamp {
    return {
      policyVersion,
      day: this.now().slice(0, 10),
      elections: createHash('sha256')
        .update(JSON.stringify(this.elections.versions()))
        .digest('hex')
        .slice(0, 32),
    };
  }

  /**
   * Levels are "as of now": at start, recompute them all when the policy, the day or any election changed
   * since the last run, else fill in the threats never assessed (e.g. recorded before levels were kept).
   */
  ensureCurrent(): void {
    const policy = this.policies.get();
    const stamp = this.stamp(policy.version);
    const previous = this.ctx.settings.get(LEVELS_KEY, LevelsStampSchema);
    const stale =
      !previous ||
      previous.policyVersion !== stamp.policyVersion ||
      previous.day !== stamp.day ||
      previous.elections !== stamp.elections;
    if (!stale && this.threats.missingLevels() === 0) return;
    this.ctx.db.transaction(() => {
      this.recomputeAll(policy, this.now(), { onlyMissing: !stale });
      this.ctx.settings.set(LEVELS_KEY, stamp);
    })();
  }

  /** After a new policy is saved (inside its transaction): when the stored levels were in step with the
   *  previous policy today and only thresholds changed, no score moves, and only the threats whose score
   *  lies between an old and a new threshold are redone. */
  policyChanged(previous: Policy, saved: Policy): void {
    const stamp = this.stamp(saved.version);
    const before = this.ctx.settings.get(LEVELS_KEY, LevelsStampSchema);
    const inStep =
      before?.policyVersion === previous.version &&
      before.day === stamp.day &&
      before.elections === stamp.elections;
    const band = inStep ? thresholdBand(previous, saved) : null;
    this.recomputeAll(saved, this.now(), band ? { scoreBand: band } : {});
    this.ctx.settings.set(LEVELS_KEY, stamp);
  }

  /**
   * What a proposed policy would change, from the levels the log shows now. After a change of thresholds
   * alone only the threats in the band are read; the others are counted at their stored level.
   */
  preview(proposed: Policy, limit: number): PolicyPreview {
    const current = this.policies.get();
    const elections = this.elections.allById();
    const band = thresholdBand(current, proposed);
    const unchanged = emptyCounts();
    if (band) for (const { level, n } of this.threats.levelCountsOutside(band)) unchanged[level] = n;
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
      this.now(),
      limit,
      unchanged,
    );
    // Titles only for the changes shown.
    for (const change of preview.changes) change.title = this.threats.titleOf(change.id) ?? change.id;
    return preview;
  }
}
