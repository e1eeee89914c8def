// Outcome observations in and out of files: the workspace's optional top-level `outcomes` list (the
// observations of the threats in the file, validated, imported inside the workspace import's transaction,
// exported with the threats they are about), and the sample election's observations, loaded with the
// sample workspace so that a new user sees the timeline, "responses and their effect" and the report.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import { jsonPath } from '../../shared/domain/location';
import { OutcomeSchema, type Outcome } from '../../shared/domain/outcomes';
import type { ImportCounts } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import type { WriteInfo } from '../db/versioned-documents';
import { unchanged } from '../records';
import { ThreatStore } from '../threats/store';
import { OutcomeRepository } from './repository';

export const SAMPLE_OUTCOMES_FILE = 'sample-outcomes.json';

const OutcomesFileSchema = z.looseObject({ outcomes: z.array(OutcomeSchema) });

const MAX_PROBLEMS = 20;

/** One element of a file's `outcomes` list, validated where it stands (`$.outcomes[3].reach.breakout`). */
export function parseOutcome(
  value: unknown,
  index: number,
): { outcome: Outcome; problems?: never } | { outcome?: never; problems: ProblemLocation[] } {
  const parsed = OutcomeSchema.safeParse(value);
  if (parsed.success) return { outcome: parsed.data };
  return {
    problems: parsed.error.issues.slice(0, 5).map((i) => ({
      where: jsonPath(['outcomes', index, ...i.path]),
      message: i.message,
    })),
  };
}

/**
 * What is wrong with a file's observations as a whole: a repeated id, an observation of a threat neither in
 * the file nor in the workspace, or one that would move an observation to another threat. Read inside the
 * import's transaction (the file's threats may already be written).
 */
export function outcomeProblems(
  ctx: ServiceContext,
  outcomes: readonly Outcome[],
  threatInFile: (id: string) => boolean,
): ProblemLocation[] {
  const repo = new OutcomeRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
  const problems: ProblemLocation[] = [];
  const seen = new Map<string, number>();
  outcomes.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined)
      return problems.push({
        where: jsonPath(['outcomes', i, 'id']),
        message: `repeats the id ${o.id} of ${jsonPath(['outcomes', first])}`,
      });
    seen.set(o.id, i);
    if (!threatInFile(o.threatId) && !threats.exists(o.threatId))
      return problems.push({
        where: jsonPath(['outcomes', i, 'threatId']),
        message: `no threat with id ${o.threatId} in the file or the workspace`,
      });
    const stored = repo.get(o.id)?.outcome.threatId;
    if (stored !== undefined && stored !== o.threatId)
      problems.push({
        where: jsonPath(['outcomes', i, 'threatId']),
        message: `${o.id} is an observation of ${stored}; an observation cannot move to another threat`,
      });
  });
  return problems;
}

/** Throws the import's refusal for these problems (nothing is written: the caller's transaction rolls back). */
export function refuseOutcomes(fileName: string, problems: readonly ProblemLocation[], total: number): never {
  throw new AppError(
    'import-invalid',
    importRefusal(fileName, problems.slice(0, MAX_PROBLEMS), total),
    problems.slice(0, MAX_PROBLEMS),
  );
}

/** Called by both workspace imports inside their transaction, after the file's threats are written. */
export function importWorkspaceOutcomes(
  ctx: ServiceContext,
  outcomes: readonly Outcome[],
  info: WriteInfo,
  fileName: string,
  threatInFile: (id: string) => boolean,
): ImportCounts {
  const problems = outcomeProblems(ctx, outcomes, threatInFile);
  if (problems.length) refuseOutcomes(fileName, problems, problems.length);
  return upsertOutcomes(ctx, outcomes, info);
}

/** The `outcomes` field of an export: the live observations of the exported threats, or undefined if none. */
export function outcomesForExport(ctx: ServiceContext, threatIds: readonly string[]): Outcome[] | undefined {
  const outcomes = threatIds.length ? new OutcomeRepository(ctx.db).live(threatIds) : [];
  return outcomes.length ? outcomes : undefined;
}

/** Inserts or updates each observation of a threat in the log (keeping history). Call inside a transaction. */
function upsertOutcomes(ctx: ServiceContext, outcomes: readonly Outcome[], info: WriteInfo): ImportCounts {
  const repo = new OutcomeRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
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
    throw new AppError('import-invalid', {
      id: 'outcomes/not-valid',
      params: { SAMPLE_OUTCOMES_FILE, value: data.error.issues[0]?.message ?? 'unknown problem' },
    });
  return ctx.db.transaction(() => {
    const counts = upsertOutcomes(ctx, data.data.outcomes, ctx.writeInfo('imported (sample)'));
    ctx.record('outcomes.imported', 'outcomes', { file: SAMPLE_OUTCOMES_FILE, outcomes: counts });
    return counts;
  })();
}
