// levelsRecomputeMs: after a policy change, every threat's level and score recomputed and written, in the
// one transaction that saves the policy (policy compiled once, one prepared iterate, one prepared update).
// Also reported: the first start's fill-in of levels never computed (the imported log has none here,
// because the import figure runs the import without the app's handlers).
import fs from 'node:fs';
import { DEFAULT_POLICY } from '../../src/main/assessment/default-policy';
import { importText } from '../../src/main/workspace/service';
import { openDatabase } from '../../src/main/db/connection';
import type { Figure } from '../figures';
import { now } from '../measure';
import { closeDatabase, contextFor, freshDb, servicesFor } from './db';

const RUNS = 3;

export const levelsRecomputeMs: Figure = {
  id: 'levelsRecomputeMs',
  what:
    'ms to save a change of factor weights and recompute every threat’s level and score ' +
    '(one transaction)',
  goalText: '≤ 2000 at 100,000 threats',
  met: (v) => v <= 2000,
  async measure(ctx) {
    const file = `${ctx.workDir}/levels.db`;
    if (fs.existsSync(ctx.mainDb)) fs.copyFileSync(ctx.mainDb, file);
    const db = fs.existsSync(file) ? openDatabase(file, { check: 'none' }) : freshDb(file);
    const app = contextFor(db, file);
    const { levels, assessment: service } = servicesFor(app);
    if (!fs.existsSync(ctx.mainDb)) importText(app, levels, 'json', ctx.text, 'bench-workspace.json');
    db.exec('UPDATE threats SET level = NULL; DELETE FROM threat_scores;');
    let t = now();
    levels.ensureCurrent();
    ctx.progress(`  levels: first start fill-in ${(now() - t).toFixed(0)} ms`);
    // A change of weights moves every score: every threat is recomputed (the figure). Alternate between two
    // policies, so that every run moves levels and writes rows.
    const reweighted = {
      ...DEFAULT_POLICY,
      factors: DEFAULT_POLICY.factors.map((f) =>
        f.id === 'harm' ? { ...f, weight: 35 } : f.id === 'reach' ? { ...f, weight: 30 } : f,
      ),
    };
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = now();
      service.savePolicy(i % 2 === 0 ? reweighted : DEFAULT_POLICY, `bench ${i}`);
      times.push(now() - t);
      ctx.progress(`  levels: change of weights ${i + 1}: ${times[i]!.toFixed(0)} ms`);
    }
    // A change of thresholds alone moves no score: only the threats between old and new thresholds are redone.
    t = now();
    service.savePolicy(
      { ...reweighted, thresholds: { ...reweighted.thresholds, speakPublicly: 58 } },
      'bench thresholds',
    );
    ctx.progress(`  levels: change of thresholds alone ${(now() - t).toFixed(0)} ms`);
    t = now();
    service.preview(DEFAULT_POLICY, 200);
    ctx.progress(`  levels: preview of a change of weights ${(now() - t).toFixed(0)} ms`);
    t = now();
    service.preview({ ...reweighted, thresholds: { ...reweighted.thresholds, speakPublicly: 56 } }, 200);
    ctx.progress(`  levels: preview of a change of thresholds ${(now() - t).toFixed(0)} ms`);
    closeDatabase(db);
    return times;
  },
};
