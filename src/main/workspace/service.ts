// The workspace's handlers: import and export files (JSON workspace, CSV of threats, and STIX bundles
// detected on import), load the sample.
import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../shared/ipc/define';
import type { workspaceContract } from '../../shared/ipc/workspace.contract';
import type { ImportReport } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/domain/permissions';
import { loadSampleOutcomes } from '../outcomes/transfer';
import type { ThreatScoring } from '../threats/scoring';
import { exportWorkspace, type ExportOptions } from '../transfer/export';
import { ImportSession } from '../transfer/import-session';
import { importStixData } from '../stix/service';
import { loadSamplePartners } from '../partners/transfer';
import type { StreamedImports } from './imports';

export const SAMPLE_FILE = 'sample-workspace.json';

/** A whole file's text, imported in one go (the same streamed import, given one piece). A STIX 2.1
 *  bundle ("type": "bundle") goes to the STIX import. */
export function importText(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  format: 'json' | 'csv',
  content: string,
  fileName: string,
): ImportReport {
  const session = openImport(ctx, scoring, format, fileName);
  session.write(content);
  return session.finish();
}

/** A streamed import that hands a STIX 2.1 bundle to the STIX import. */
export function openImport(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  format: 'json' | 'csv',
  fileName: string,
): ImportSession {
  return new ImportSession(ctx, scoring, format, fileName, (bundle, sha256) =>
    importStixData(ctx, scoring, bundle, undefined, fileName, { sha256 }),
  );
}

export function exportAudited(ctx: ServiceContext, opts: ExportOptions) {
  // Classified notes leave the database only with a role that allows it (administrators).
  if (opts.includeClassified) {
    const who = ctx.require('workspace.export');
    if (!can(who.roles, 'export.classified'))
      throw new AppError('forbidden', {
        id: 'workspace/may-not-export-classified',
        params: { name: who.name },
      });
    ctx.require('export.classified');
  }
  const result = exportWorkspace(ctx, opts);
  ctx.record('workspace.exported', 'workspace', {
    format: opts.format,
    threats: result.threats,
    includeClassified: opts.includeClassified,
    electionId: opts.electionId,
  });
  return result;
}

export function loadSample(ctx: ServiceContext, scoring: ThreatScoring): ImportReport {
  const file = path.join(ctx.assetsDir, SAMPLE_FILE);
  const report = importText(ctx, scoring, 'json', fs.readFileSync(file, 'utf8'), SAMPLE_FILE);
  return { ...report, partners: loadSamplePartners(ctx), outcomes: loadSampleOutcomes(ctx) };
}

export function workspaceHandlers(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  imports: StreamedImports,
): HandlersOf<typeof workspaceContract> {
  return {
    'workspace:import': ({ format, content, fileName }) =>
      importText(ctx, scoring, format, content, fileName ?? `the ${format.toUpperCase()} file`),
    'workspace:importBegin': ({ format, fileName }) => imports.begin(format, fileName),
    'workspace:importChunk': ({ importId, text }) => imports.chunk(importId, text),
    'workspace:importEnd': ({ importId }) => imports.end(importId),
    'workspace:importCancel': ({ importId }) => imports.cancel(importId),
    'workspace:export': (opts) => exportAudited(ctx, opts),
    'workspace:loadSample': () => loadSample(ctx, scoring),
  };
}
