// STIX 2.1 export and import handlers. Export reads only the public documents (never the
// classified notes table); import maps incidents to threats and writes them in one transaction,
// keeping what the log holds that a bundle cannot carry (classified notes, local fields).
// Both keep STIX ids in the id store (ids.ts) in the same transaction: an export the ids it gave, an
// import the partner's incident ids, so that a re-export names the same things the same way.
import { AppError } from '../../shared/errors';
import { parseJsonText } from '../../shared/domain/json-text';
import { refuseUnsafeImport } from '../../shared/domain/safe-shape';
import {
  NO_ELECTION_PROBLEM,
  StixExportRequestSchema,
  type StixExportResult,
  type TlpLevel,
} from '../../shared/domain/stix';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import type { ImportReport } from '../../shared/domain/transfer';
import type { Threat } from '../../shared/domain/workspace';
import type { HandlersOf } from '../../shared/ipc/define';
import type { stixContract } from '../../shared/ipc/stix.contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import type { Election } from '../../shared/domain/workspace';
import { ElectionRepository } from '../elections/repository';
import { OrganisationRepository } from '../organisation/repository';
import type { ThreatScoring } from '../threats/scoring';
import { ThreatStore } from '../threats/store';
import { applyImport } from '../transfer/apply-import';
import { buildBundle, type StixBundle } from './build-bundle';
import { StixIdStore, type StixIds } from './ids';
import { pickElection, readBundle, type IncomingThreat } from './read-bundle';

export type StixExportOptions = z.output<typeof StixExportRequestSchema>;

/** The bundle, its ids from `ids` (the caller saves new ones in its transaction). */
export function buildStixBundle(ctx: ServiceContext, opts: StixExportOptions, ids: StixIds): StixBundle {
  const filter: ThreatFilter = {
    ...(opts.filter ?? {}),
    ...(opts.electionId ? { electionId: opts.electionId } : {}),
    deleted: undefined,
  };
  const rows = new ThreatStore(ctx.db).exportable({ filter, ids: opts.ids });
  const profile = new OrganisationRepository(ctx.settings).get();
  return buildBundle(rows, {
    tlp: opts.tlp,
    country: opts.country,
    region: opts.region,
    ids,
    organisation: { name: profile.name.en || profile.name.fr, website: profile.website },
    elections: new ElectionRepository(ctx.db).list(),
  });
}

export function exportStix(ctx: ServiceContext, opts: StixExportOptions): StixExportResult {
  ctx.require('workspace.export');
  // One write transaction: the ids given, and the audit entry, are kept together or not at all. The
  // same database gives the same bundle, byte for byte: ids once given are read back, never made anew.
  return ctx.db
    .transaction(() => {
      const ids = new StixIdStore(ctx.db, ctx.clock().toISOString());
      const bundle = buildStixBundle(ctx, opts, ids);
      const newIds = ids.save();
      const threats = bundle.objects.filter((o) => o.type === 'incident').length;
      ctx.record('stix.exported', 'workspace', {
        tlp: opts.tlp,
        threats,
        objects: bundle.objects.length,
        bundle: bundle.id,
        newIds,
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
    })
    .immediate();
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

/** Which election a bundle's incidents go under, when the bundle does not say (or to override it). */
export interface StixImportOptions {
  /** An election of the workspace: every incident is recorded under it. */
  electionId?: string | undefined;
  /** A new election to create and record every incident under (a fresh workspace has none). */
  newElection?: Pick<Election, 'id' | 'name' | 'jurisdiction' | 'pollingDay'> | undefined;
  /** The file's SHA-256, when it was read in pieces (the audit entry names it). */
  sha256?: string;
}

export function importStixData(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  data: unknown,
  content: string | undefined,
  fileName: string,
  opts: StixImportOptions = {},
): ImportReport {
  // Recording threats (and the elections they need) is the log's writers' to do.
  ctx.require('log.write');
  refuseUnsafeImport(data, fileName);
  const read = readBundle(data, fileName);
  const elections = new ElectionRepository(ctx.db);
  const threats = new ThreatStore(ctx.db);
  if (opts.electionId && !elections.get(opts.electionId))
    throw new AppError('not-found', {
      id: 'assessment/there-no-election-with',
      params: { electionId: opts.electionId },
    });

  return ctx.db
    .transaction(() => {
      // Elections to create: the one the caller named, and those the bundle carries (in its reports)
      // that the workspace does not have. An election the workspace has is never overwritten.
      const created = new Map<string, Election>();
      let chosen = opts.electionId;
      if (opts.newElection) {
        chosen = opts.newElection.id;
        if (!elections.get(chosen)) created.set(chosen, { ...opts.newElection });
      }
      const carried = new Map(read.elections.map((e) => [e.id, e]));
      const known = (id: string) => Boolean(created.get(id) ?? elections.get(id));
      const all = () => [...elections.list(), ...created.values()];
      const ids = new StixIdStore(ctx.db, ctx.clock().toISOString());

      const batch: Threat[] = [];
      for (const incoming of read.threats) {
        const existing = threats.get(incoming.threat.id)?.threat;
        const named = incoming.threat.electionId;
        const inBundle = named ? carried.get(named) : undefined;
        if (!chosen && inBundle && !known(inBundle.id)) created.set(inBundle.id, inBundle);
        const electionId =
          chosen ??
          (named && known(named) ? named : undefined) ??
          existing?.electionId ??
          pickElection(incoming.threat.time.firstSeen, all())?.id;
        if (!electionId) {
          throw new AppError('import-invalid', { id: 'stix/does-not-say-which', params: { fileName } }, [
            { where: incoming.where, message: NO_ELECTION_PROBLEM },
          ]);
        }
        batch.push(mergeIncoming(existing, incoming, electionId));
        // The partner's id for the incident, kept: a re-export names it the same way.
        ids.adopt('incident', incoming.threat.id, incoming.stixId);
      }
      const report = applyImport(ctx, scoring, {
        format: 'stix',
        fileName,
        ...(content !== undefined ? { content } : {}),
        ...(opts.sha256 !== undefined ? { sha256: opts.sha256 } : {}),
        elections: [...created.values()],
        threats: batch,
      });
      ids.save();
      return { ...report, warnings: [...read.warnings, ...report.warnings] };
    })
    .immediate();
}

export function importStixText(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  content: string,
  fileName: string,
  opts: StixImportOptions = {},
): ImportReport {
  let data: unknown;
  try {
    data = parseJsonText(content);
  } catch (err) {
    throw new AppError(
      'import-invalid',
      { id: 'stix/not-valid-json-nothing', params: { fileName, message: (err as Error).message } },
      [{ where: '$', message: 'not valid JSON' }],
    );
  }
  return importStixData(ctx, scoring, data, content, fileName, opts);
}

export function stixHandlers(ctx: ServiceContext, scoring: ThreatScoring): HandlersOf<typeof stixContract> {
  return {
    'stix:export': (req) => exportStix(ctx, req),
    'stix:import': ({ content, fileName, electionId, newElection }) =>
      importStixText(ctx, scoring, content, fileName ?? 'the STIX bundle', { electionId, newElection }),
  };
}
