// Writes validated elections, threats (and a workspace's partners and outcome observations) in one transaction: all of it or none of it.
// Re-importing the same ids updates them (keeping history), never duplicates them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import type { Election, Threat } from '../../shared/domain/workspace';
import type { Partner } from '../../shared/domain/partners';
import type { ImportReport } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import { importWorkspacePartners } from '../partners/transfer';
import { importWorkspaceOutcomes } from '../outcomes/transfer';
import type { Outcome } from '../../shared/domain/outcomes';
import type { OrganisationProfile } from '../../shared/domain/organisation';
import { firstSeenInFuture } from '../../shared/domain/threat-time';
import { OrganisationService } from '../organisation/service';
import { unchanged } from '../records';
import type { ThreatScoring } from '../threats/scoring';
import { ThreatStore } from '../threats/store';

export interface ImportBatch {
  format: ImportReport['format'];
  fileName: string;
  /** The file's text, hashed into the audit log entry. */
  content?: string;
  /** Or its hash, when the text was read in pieces. */
  sha256?: string;
  elections: Election[];
  threats: Threat[];
  /** The workspace's `partners` field (validated), when the file has one. */
  partners?: Partner[];
  /** The workspace's `outcomes` field (each validated), when the file has one: observations of its threats. */
  outcomes?: Outcome[];
  /** The workspace's `organisation` block (validated), when the file has one: it replaces the profile. */
  organisation?: OrganisationProfile;
  /** Top-level fields of a workspace document that Threshold does not model. */
  extra?: Record<string, unknown>;
}

const EXTRA_KEY = 'workspace.extra';

/** Writes a batch in one transaction: each threat once, with its level (`scoring`), audited, announced. */
export function applyImport(ctx: ServiceContext, scoring: ThreatScoring, batch: ImportBatch): ImportReport {
  const elections = new ElectionRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
  const report: ImportReport = {
    format: batch.format,
    elections: { created: 0, updated: 0, unchanged: 0 },
    threats: { created: 0, updated: 0, unchanged: 0 },
    warnings: [],
  };
  const info = ctx.writeInfo('imported');
  const at = info.at;

  ctx.db.transaction(() => {
    for (const election of batch.elections) report.elections[elections.upsert(election, at, info.by)]++;

    const known = new Set(batch.elections.map((e) => e.id));
    const missing: ProblemLocation[] = [];
    batch.threats.forEach((t, i) => {
      if (!known.has(t.electionId) && !elections.get(t.electionId)) {
        missing.push({
          where: batch.format === 'csv' ? `record ${i + 1} (electionId)` : `$.threats[${i}].electionId`,
          message: `no election with id ${t.electionId} in the file or the workspace`,
        });
      }
    });
    if (missing.length)
      throw new AppError(
        'import-invalid',
        importRefusal(batch.fileName, missing.slice(0, 20), missing.length),
        missing.slice(0, 20),
      );

    const inLog = threats.existingIds(batch.threats.map((t) => t.id));
    const changedIds: string[] = [];
    // Each row is written once, with its level under the policy in force.
    const score = scoring.scorer();
    for (const threat of batch.threats) {
      // One lookup of every id already in the log, rather than a query per imported threat.
      const existing = inLog.has(threat.id) ? threats.get(threat.id) : undefined;
      if (!existing) {
        threats.insert(threat, info, score(threat));
        report.threats.created++;
        changedIds.push(threat.id);
      } else if (existing.meta.deletedAt === null && unchanged(existing.threat, threat)) {
        report.threats.unchanged++;
      } else {
        threats.update(threat.id, threat, info, score(threat));
        if (existing.meta.deletedAt)
          threats.setDeleted(threat.id, false, { ...info, change: 'undeleted by import' });
        report.threats.updated++;
        changedIds.push(threat.id);
      }
    }

    const allIds = new Set(batch.threats.map((t) => t.id));
    const dangling = new Set<string>();
    for (const t of batch.threats)
      for (const r of t.relatedIds ?? [])
        if (!allIds.has(r) && !inLog.has(r) && !threats.exists(r)) dangling.add(r);
    if (dangling.size)
      report.warnings.push(
        `Related ids not in the log: ${[...dangling].slice(0, 10).join(', ')}${dangling.size > 10 ? ` and ${dangling.size - 10} more` : ''}.`,
      );

    const future = batch.threats.filter((t) => firstSeenInFuture(t.time.firstSeen, ctx.clock()));
    if (future.length)
      report.firstSeenInFuture = future.map((t) => ({ id: t.id, firstSeen: t.time.firstSeen }));

    if (batch.partners) report.partners = importWorkspacePartners(ctx, batch.partners, info);
    if (batch.outcomes?.length)
      report.outcomes = importWorkspaceOutcomes(ctx, batch.outcomes, info, batch.fileName, (id) =>
        allIds.has(id),
      );
    if (batch.organisation)
      new OrganisationService(ctx).setInTransaction(batch.organisation, `import of ${batch.fileName}`);

    if (batch.extra && Object.keys(batch.extra).length) {
      ctx.settings.set(EXTRA_KEY, {
        ...(ctx.settings.get<Record<string, unknown>>(EXTRA_KEY, anyRecord) ?? {}),
        ...batch.extra,
      });
    }

    ctx.record('workspace.imported', 'workspace', {
      file: batch.fileName,
      format: batch.format,
      sha256:
        batch.content !== undefined ? createHash('sha256').update(batch.content).digest('hex') : batch.sha256,
      elections: report.elections,
      threats: report.threats,
      ...(report.partners ? { partners: report.partners } : {}),
      ...(report.outcomes ? { outcomes: report.outcomes } : {}),
    });
    if (changedIds.length) ctx.events.emit('threatsChanged', { ids: changedIds, scored: true });
  })();
  return report;
}

export function workspaceExtra(ctx: ServiceContext): Record<string, unknown> {
  return ctx.settings.get<Record<string, unknown>>(EXTRA_KEY, anyRecord) ?? {};
}

const anyRecord = z.record(z.string(), z.unknown());
