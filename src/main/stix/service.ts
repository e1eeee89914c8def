// STIX 2.1 export and import handlers. Export reads only the public documents (never the
// classified notes table); import maps incidents to threats and writes them in one transaction,
// keeping what the log holds that a bundle cannot carry (classified notes, local fields).
import { AppError } from '../../shared/errors';
import { parseJsonText } from '../../shared/domain/json-text';
import { refuseUnsafeImport } from '../../shared/domain/safe-shape';
import { StixExportRequestSchema, type StixExportResult, type TlpLevel } from '../../shared/domain/stix';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import type { ImportReport } from '../../shared/domain/transfer';
import type { Threat } from '../../shared/domain/workspace';
import type { HandlersOf } from '../../shared/ipc/define';
import type { stixContract } from '../../shared/ipc/stix.contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import type { ThreatScoring } from '../threats/scoring';
import { ThreatStore } from '../threats/store';
import { applyImport } from '../transfer/apply-import';
import { buildBundle, type StixBundle } from './build-bundle';
import { pickElection, readBundle, type IncomingThreat } from './read-bundle';

export type StixExportOptions = z.output<typeof StixExportRequestSchema>;

export function buildStixBundle(ctx: ServiceContext, opts: StixExportOptions): StixBundle {
  const filter: ThreatFilter = {
    ...(opts.filter ?? {}),
    ...(opts.electionId ? { electionId: opts.electionId } : {}),
    deleted: undefined,
  };
  const rows = new ThreatStore(ctx.db).exportable({ filter, ids: opts.ids });
  return buildBundle(rows, { tlp: opts.tlp, country: opts.country });
}

export function exportStix(ctx: ServiceContext, opts: StixExportOptions): StixExportResult {
  const bundle = buildStixBundle(ctx, opts);
  const threats = bundle.objects.filter((o) => o.type === 'incident').length;
  ctx.record('stix.exported', 'workspace', {
    tlp: opts.tlp,
    threats,
    objects: bundle.objects.length,
    bundle: bundle.id,
    electionId: opts.electionId,
    selection: opts.ids?.length,
  });
  const date = ctx.clock().toISOString().slice(0, 10);
  return {
    fileName: `threshold-stix-${date}-tlp-${opts.tlp}.json`,
    mimeType: 'application/stix+json;version=2.1',
    content: JSON.stringify(bundle, null, 2),
    threats,
    objects: bundle.objects.length,
    tlp: opts.tlp as TlpLevel,
  };
}

/** Bundle fields over what the log holds: only what the bundle carried replaces the log's. */
export function mergeIncoming(
  existing: Threat | undefined,
  incoming: IncomingThreat,
  electionId: string,
): Threat {
  const mapped = { ...incoming.threat, electionId } as Threat;
  if (!existing) return mapped;
  const merged: Record<string, unknown> = {
    ...existing,
    title: mapped.title,
    summary: mapped.summary,
    time: mapped.time,
  };
  // What the bundle carried replaces the log's, even when the bundle left it out (undefined).
  for (const key of incoming.carried) merged[key] = (mapped as Record<string, unknown>)[key];
  if (incoming.attributionWithheld) merged.source = existing.source;
  merged.electionId = electionId;
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Threat;
}

export function importStixData(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  data: unknown,
  content: string | undefined,
  fileName: string,
  opts: { electionId?: string | undefined } = {},
): ImportReport {
  refuseUnsafeImport(data, fileName);
  const read = readBundle(data, fileName);
  const elections = new ElectionRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
  if (opts.electionId && !elections.get(opts.electionId))
    throw new AppError('not-found', `There is no election with id ${opts.electionId}.`);
  const all = elections.list();

  return ctx.db.transaction(() => {
    const batch: Threat[] = [];
    for (const incoming of read.threats) {
      const existing = threats.get(incoming.threat.id)?.threat;
      const named =
        incoming.threat.electionId && elections.get(incoming.threat.electionId)
          ? incoming.threat.electionId
          : undefined;
      const electionId =
        opts.electionId ??
        named ??
        existing?.electionId ??
        pickElection(incoming.threat.time.firstSeen, all)?.id;
      if (!electionId) {
        throw new AppError(
          'import-invalid',
          `${fileName} cannot be imported: the workspace has no election to record its incidents ` +
            `under. Add the election first. Nothing was imported.`,
          [{ where: incoming.where, message: 'no election to record this incident under' }],
        );
      }
      batch.push(mergeIncoming(existing, incoming, electionId));
    }
    const report = applyImport(ctx, scoring, {
      format: 'stix',
      fileName,
      ...(content !== undefined ? { content } : {}),
      elections: [],
      threats: batch,
    });
    return { ...report, warnings: [...read.warnings, ...report.warnings] };
  })();
}

export function importStixText(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  content: string,
  fileName: string,
  opts: { electionId?: string | undefined } = {},
): ImportReport {
  let data: unknown;
  try {
    data = parseJsonText(content);
  } catch (err) {
    throw new AppError(
      'import-invalid',
      `${fileName} is not valid JSON (${(err as Error).message}). Nothing was imported.`,
      [{ where: '$', message: 'not valid JSON' }],
    );
  }
  return importStixData(ctx, scoring, data, content, fileName, opts);
}

export function stixHandlers(ctx: ServiceContext, scoring: ThreatScoring): HandlersOf<typeof stixContract> {
  return {
    'stix:export': (req) => exportStix(ctx, req),
    'stix:import': ({ content, fileName, electionId }) =>
      importStixText(ctx, scoring, content, fileName ?? 'the STIX bundle', { electionId }),
  };
}
