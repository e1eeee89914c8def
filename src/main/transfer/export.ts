// Writes the workspace as the contract's JSON document, or the threats as CSV.
import { WORKSPACE_FORMAT, type Workspace } from '../../shared/domain/workspace';
import type { ExportResult } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import { ThreatStore } from '../threats/store';
import { threatsToCsv } from './csv';
import { workspaceExtra } from './apply-import';
import { partnersForExport } from '../partners/transfer';
import { outcomesForExport } from '../outcomes/transfer';
import { OrganisationRepository } from '../organisation/repository';

export interface ExportOptions {
  format: 'json' | 'csv';
  electionId?: string | undefined;
  ids?: readonly string[] | undefined;
  includeClassified: boolean;
}

export function buildWorkspace(ctx: ServiceContext, opts: Omit<ExportOptions, 'format'>): Workspace {
  const threats = [...new ThreatStore(ctx.db).iterateForExport(opts)];
  const usedElections = new Set(threats.map((t) => t.electionId));
  const elections = new ElectionRepository(ctx.db)
    .listInOrder()
    .filter((e) => (opts.electionId ? e.id === opts.electionId : opts.ids ? usedElections.has(e.id) : true));
  // Partners are not tied to one election; a selection of threats leaves them out.
  const partners = opts.ids ? undefined : partnersForExport(ctx);
  // Observations travel with the threats they are about (a whole workspace, an election, a selection).
  const outcomes = outcomesForExport(
    ctx,
    threats.map((t) => t.id),
  );
  // Modelled fields are written from their own stores, never from older extra fields.
  const modelled = new Set(['partners', 'organisation', 'outcomes']);
  const extra = Object.fromEntries(Object.entries(workspaceExtra(ctx)).filter(([key]) => !modelled.has(key)));
  // The organisation profile travels with a whole workspace, once one was saved.
  const profiles = new OrganisationRepository(ctx.settings);
  const organisation = !opts.ids && profiles.exists() ? profiles.get() : undefined;
  return {
    ...extra,
    format: WORKSPACE_FORMAT,
    exportedAt: ctx.clock().toISOString(),
    ...(organisation ? { organisation } : {}),
    elections,
    threats,
    ...(outcomes ? { outcomes } : {}),
    ...(partners ? { partners } : {}),
  };
}

export function exportWorkspace(ctx: ServiceContext, opts: ExportOptions): ExportResult {
  const date = ctx.clock().toISOString().slice(0, 10);
  if (opts.format === 'csv') {
    const threats = [...new ThreatStore(ctx.db).iterateForExport(opts)];
    return {
      fileName: `threshold-threats-${date}.csv`,
      mimeType: 'text/csv',
      content: threatsToCsv(threats),
      threats: threats.length,
    };
  }
  const ws = buildWorkspace(ctx, opts);
  return {
    fileName: `threshold-workspace-${date}.json`,
    mimeType: 'application/json',
    content: JSON.stringify(ws, null, 2),
    threats: ws.threats.length,
  };
}
