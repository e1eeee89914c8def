// assessAllRatio: assessing every threat of the log, reading included (the path that keeps every
// threat's level current) ÷ reading every threat's row bare. clusterAllMs: suggesting clusters over
// the whole log through the service.
import { currentPolicy } from '../../src/main/assessment/policy-store';
import { openDatabase } from '../../src/main/db/connection';
import type { Figure } from '../figures';
import { median, now } from '../measure';
import { closeDatabase, contextFor, dispatcherFor, servicesFor } from './db';

const RUNS = 5;
const AS_OF = '2027-05-12T12:00:00.000Z';
/** The columns the scoring reads, then the scores from their own table, as the app reads them: the same
 *  statements, run bare. */
const BARE_SQL = `SELECT t.rowid, t.id, t.election_id, t.purpose, t.type, t.target_kind, t.place_level, t.actor, t.actor_name,
  t.confidence, t.breakout, t.audience, t.trend, t.first_seen, t.last_seen, t.context_flags, t.level
  FROM threats t WHERE t.deleted_at IS NULL`;
const BARE_SCORES_SQL = 'SELECT threat_rowid, score FROM threat_scores';

export const assessAllRatio: Figure = {
  id: 'assessAllRatio',
  what: "assessing every threat (reading included) ÷ reading every threat's row bare",
  goalText: '≤ 2',
  met: (v) => v <= 2,
  async measure(ctx) {
    const db = openDatabase(ctx.mainDb, { check: 'none' });
    const keeper = servicesFor(contextFor(db, ctx.mainDb)).levels;
    const policy = currentPolicy(db);
    const bareStmt = db.prepare(BARE_SQL).raw(true);
    const bareScores = db.prepare(BARE_SCORES_SQL).raw(true);
    const app = () => {
      let n = 0;
      for (const { next } of keeper.scoreAll(policy, AS_OF)) n += next.score;
      return n;
    };
    const bare = () => {
      let n = 0;
      for (const row of bareScores.iterate() as IterableIterator<unknown[]>) n += row[1] as number;
      for (const row of bareStmt.iterate() as IterableIterator<unknown[]>) n += row[10] as number;
      return n;
    };
    app();
    bare();
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = now();
      bare();
      bareMs.push(now() - t);
      t = now();
      app();
      appMs.push(now() - t);
    }
    closeDatabase(db);
    ctx.progress(`  assess all: ${median(appMs).toFixed(0)} ms, bare read ${median(bareMs).toFixed(0)} ms`);
    return appMs.map((ms, i) => ms / bareMs[i]!);
  },
};

export const clusterAllMs: Figure = {
  id: 'clusterAllMs',
  what: 'suggesting clusters over the whole log (through the service)',
  goalText: '≤ 2,000 ms',
  met: (v) => v <= 2000,
  async measure(ctx) {
    const db = openDatabase(ctx.mainDb, { check: 'none' });
    const dispatch = dispatcherFor(db, ctx.mainDb);
    // Suggestions are made per election; the whole log is every election's, one after the other.
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t = now();
      let found = 0;
      for (const election of ctx.workspace.elections) {
        const r = await dispatch('assessment:suggestClusters', { electionId: election.id, windowDays: 14 });
        if (!r.ok) throw new Error(r.error.message);
        found += (r.value as unknown[]).length;
      }
      const ms = now() - t;
      if (i > 0) times.push(ms);
      if (i === 0) ctx.progress(`  clusters suggested: ${found}`);
    }
    closeDatabase(db);
    return times;
  },
};
