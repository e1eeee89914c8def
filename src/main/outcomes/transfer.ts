// The sample election's outcome observations, loaded with the sample workspace so that a new user
// sees the timeline, the dashboard's "responses and their effect" and the report on first run.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { OutcomeSchema, type Outcome } from '../../shared/domain/outcomes';
import type { ImportCounts } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { unchanged } from '../records';
import { ThreatStore } from '../threats/store';
import { OutcomeRepository } from './repository';

export const SAMPLE_OUTCOMES_FILE = 'sample-outcomes.json';

const OutcomesFileSchema = z.looseObject({ outcomes: z.array(OutcomeSchema) });

/** Inserts or updates each observation of a live threat (keeping history). Call inside a transaction. */
function upsertOutcomes(ctx: ServiceContext, outcomes: readonly Outcome[], change: string): ImportCounts {
  const repo = new OutcomeRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
  const info = ctx.writeInfo(change);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const outcome of outcomes) {
    if (!threats.exists(outcome.threatId)) continue;
    const existing = repo.get(outcome.id);
    if (!existing) {
      repo.insert(outcome, info);
      counts.created++;
    } else if (!existing.meta.deletedAt && unchanged(existing.outcome, outcome)) {
      counts.unchanged++;
    } else {
      repo.update(outcome, info);
      if (existing.meta.deletedAt)
        repo.setDeleted(outcome.id, false, { ...info, change: 'undeleted by import' });
      counts.updated++;
    }
  }
  return counts;
}

/** Loads the sample's observations (one transaction, audited). */
export function loadSampleOutcomes(ctx: ServiceContext): ImportCounts {
  const file = path.join(ctx.assetsDir, SAMPLE_OUTCOMES_FILE);
  const data = OutcomesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!data.success)
    throw new AppError(
      'import-invalid',
      `${SAMPLE_OUTCOMES_FILE} is not valid: ${data.error.issues[0]?.message ?? 'unknown problem'}.`,
    );
  return ctx.db.transaction(() => {
    const counts = upsertOutcomes(ctx, data.data.outcomes, 'imported (sample)');
    ctx.record('outcomes.imported', 'outcomes', { file: SAMPLE_OUTCOMES_FILE, outcomes: counts });
    return counts;
  })();
}
