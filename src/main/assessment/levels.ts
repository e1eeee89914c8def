// Each threat's current level and score (threats.level / threats.score), kept in step with the policy in
// force, as of now. The deciding is pure (levelsOf, previewLevels); LevelKeeper only reads and writes rows:
// one prepared iterate to read, one prepared statement to update, the policy compiled once.
import type { Level } from '../../shared/domain/enums';
import { levelRank } from '../../shared/domain/enums';
import type { Election, Threat } from '../../shared/domain/workspace';
import type { Policy } from '../../shared/domain/policy';
import { emptyCounts, type LevelChange, type PolicyPreview } from '../../shared/domain/decision';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import { compilePolicy, scoreThreat } from './engine';

export interface LevelScore {
  level: Level;
  score: number;
}

/** The level and score of one threat under a policy, as of an instant (no explanation: bulk use).
 *  The same level and score as assessThreat gives (tested as a property). */
export function levelOf(threat: Threat, election: Election | undefined, policy: Policy, asOf: string): LevelScore {
  return scoreThreat(threat, election, policy, asOf);
}

export interface PreviewRow {
  threat: Threat;
  title: string;
}

/**
 * What a proposed policy would do to a log: the counts at each level under the policy in force and under
 * the proposed one, and the threats that change level (the biggest moves first, at most `limit`).
 */
export function previewLevels(
  rows: Iterable<PreviewRow>,
  electionOf: (id: string) => Election | undefined,
  current: Policy,
  proposed: Policy,
  asOf: string,
  limit = 200,
): PolicyPreview {
  compilePolicy(current);
  compilePolicy(proposed);
  const preview: PolicyPreview = { asOf, total: 0, current: emptyCounts(), proposed: emptyCounts(), changed: 0, changes: [] };
  const changes: LevelChange[] = [];
  for (const { threat, title } of rows) {
    const election = electionOf(threat.electionId);
    const before = levelOf(threat, election, current, asOf);
    const after = levelOf(threat, election, proposed, asOf);
    preview.total++;
    preview.current[before.level]++;
    preview.proposed[after.level]++;
    if (before.level !== after.level) {
      preview.changed++;
      changes.push({ id: threat.id, title, electionId: threat.electionId, from: before.level, to: after.level, fromScore: before.score, toScore: after.score });
    }
  }
  const move = (c: LevelChange) => Math.abs(levelRank(c.to) - (c.from ? levelRank(c.from) : 0));
  changes.sort((a, b) => move(b) - move(a) || Math.abs(b.toScore - (b.fromScore ?? 0)) - Math.abs(a.toScore - (a.fromScore ?? 0)) || a.id.localeCompare(b.id));
  preview.changes = changes.slice(0, limit);
  return preview;
}

/** Reads and writes the level columns. Call inside the transaction of the change that prompted it. */
export class LevelKeeper {
  constructor(private readonly db: Db) {}

  /** Every election (deleted ones too, so that their threats still have a calendar), parsed once. */
  elections(): Map<string, Election> {
    const map = new Map<string, Election>();
    for (const row of cached(this.db, 'SELECT id, doc FROM elections').all() as Array<{ id: string; doc: string }>) {
      map.set(row.id, JSON.parse(row.doc) as Election);
    }
    return map;
  }

  /** Recomputes the given threats (deleted ones too). Returns how many rows changed. */
  recompute(ids: readonly string[], policy: Policy, asOf: string): number {
    if (ids.length === 0) return 0;
    const elections = this.elections();
    const read = cached(this.db, 'SELECT rowid, doc, level, score FROM threats WHERE id = ?');
    const updates: Array<[number, Level, number]> = [];
    for (const id of ids) {
      const row = read.get(id) as StoredLevelRow | undefined;
      if (!row) continue;
      const threat = JSON.parse(row.doc) as Threat;
      const next = levelOf(threat, elections.get(threat.electionId), policy, asOf);
      if (next.level !== row.level || next.score !== row.score) updates.push([row.rowid, next.level, next.score]);
    }
    return this.write(updates);
  }

  /**
   * Recomputes every live threat (or only those never assessed). The policy is compiled once and each
   * election's calendar once; rows are read with one iterate and written afterwards with one statement.
   */
  recomputeAll(policy: Policy, asOf: string, opts: { onlyMissing?: boolean } = {}): number {
    const elections = this.elections();
    compilePolicy(policy);
    const sql = opts.onlyMissing
      ? 'SELECT rowid, doc, level, score FROM threats WHERE level IS NULL AND deleted_at IS NULL'
      : 'SELECT rowid, doc, level, score FROM threats WHERE deleted_at IS NULL';
    const rowids: number[] = [];
    const levels: Level[] = [];
    const scores: number[] = [];
    for (const row of cached(this.db, sql).iterate() as IterableIterator<StoredLevelRow>) {
      const threat = JSON.parse(row.doc) as Threat;
      const next = levelOf(threat, elections.get(threat.electionId), policy, asOf);
      if (next.level !== row.level || next.score !== row.score) {
        rowids.push(row.rowid);
        levels.push(next.level);
        scores.push(next.score);
      }
    }
    const update = cached(this.db, 'UPDATE threats SET level = ?, score = ? WHERE rowid = ?');
    for (let i = 0; i < rowids.length; i++) update.run(levels[i], scores[i], rowids[i]);
    return rowids.length;
  }

  /** Live threats with their titles, for a preview (public documents only). */
  *previewRows(): Generator<PreviewRow> {
    for (const row of cached(this.db, 'SELECT doc, title FROM threats WHERE deleted_at IS NULL ORDER BY rowid').iterate() as IterableIterator<{ doc: string; title: string }>) {
      yield { threat: JSON.parse(row.doc) as Threat, title: row.title };
    }
  }

  /** How many live threats have no level yet. */
  missing(): number {
    return (cached(this.db, 'SELECT count(*) AS n FROM threats WHERE level IS NULL AND deleted_at IS NULL').get() as { n: number }).n;
  }

  private write(updates: Array<[number, Level, number]>): number {
    const update = cached(this.db, 'UPDATE threats SET level = ?, score = ? WHERE rowid = ?');
    for (const [rowid, level, score] of updates) update.run(level, score, rowid);
    return updates.length;
  }
}

interface StoredLevelRow {
  rowid: number;
  doc: string;
  level: Level | null;
  score: number | null;
}
