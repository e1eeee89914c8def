// The workspace's handlers: import and export files (JSON workspace, CSV of threats, and STIX bundles
// detected on import), load the sample.
import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../shared/ipc/define';
import type { workspaceContract } from '../../shared/ipc/workspace.contract';
import { isStixBundle, parseJsonText } from '../../shared/domain/json-text';
import type { ImportReport } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { loadSampleOutcomes } from '../outcomes/transfer';
import { loadSamplePartners, validatePartners } from '../partners/transfer';
import { importStixData } from '../stix/service';
import type { ThreatScoring } from '../threats/scoring';
import { applyImport } from '../transfer/apply-import';
import { parseThreatsCsv } from '../transfer/csv';
import { exportWorkspace, type ExportOptions } from '../transfer/export';
import { parseWorkspaceJson, validateWorkspace } from '../transfer/json-import';
import { parseProfile } from '../organisation/service';

export const SAMPLE_FILE = 'sample-workspace.json';

export function importText(
  ctx: ServiceContext,
  scoring: ThreatScoring,
  format: 'json' | 'csv',
  content: string,
  fileName: string,
): ImportReport {
  if (format === 'csv') {
    return applyImport(ctx, scoring, {
      format,
      fileName,
      content,
      elections: [],
      threats: parseThreatsCsv(content, fileName),
    });
  }
  // One parse: a STIX 2.1 bundle ("type": "bundle") goes to the STIX import, anything else is a workspace.
  const data = tryParse(content);
  if (isStixBundle(data)) return importStixData(ctx, scoring, data, content, fileName);
  const ws = data === undefined ? parseWorkspaceJson(content, fileName) : validateWorkspace(data, fileName);
  const { elections, threats, partners, organisation, ...rest } = ws;
  // Fields the contract names are not "extra"; the rest is kept as the file gave it.
  const extra = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== 'format' && key !== 'exportedAt'),
  );
  return applyImport(ctx, scoring, {
    format,
    fileName,
    content,
    elections,
    threats,
    ...(partners !== undefined ? { partners: validatePartners(partners, fileName) } : {}),
    ...(organisation !== undefined
      ? { organisation: parseProfile(organisation, ['organisation'], 'import-invalid') }
      : {}),
    extra,
  });
}

function tryParse(content: string): unknown {
  try {
    return parseJsonText(content);
  } catch {
    return undefined; // parseWorkspaceJson says where the syntax is wrong
  }
}

export function exportAudited(ctx: ServiceContext, opts: ExportOptions) {
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
): HandlersOf<typeof workspaceContract> {
  return {
    'workspace:import': ({ format, content, fileName }) =>
      importText(ctx, scoring, format, content, fileName ?? `the ${format.toUpperCase()} file`),
    'workspace:export': (opts) => exportAudited(ctx, opts),
    'workspace:loadSample': () => loadSample(ctx, scoring),
  };
}
