// The workspace's handlers: import and export files, load the sample.
import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../shared/ipc/define';
import type { threatsContract } from '../../shared/ipc/threats.contract';
import type { ImportReport } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import { applyImport } from './apply-import';
import { parseThreatsCsv } from './csv';
import { exportWorkspace, type ExportOptions } from './export';
import { parseWorkspaceJson, validateWorkspace } from './json-import';
import { loadSamplePartners, validatePartners } from '../partners/transfer';
import { importStixData } from '../stix/service';
import { parseProfile } from '../organisation/service';

type WorkspaceHandlers = Pick<
  HandlersOf<typeof threatsContract>,
  'workspace:import' | 'workspace:export' | 'workspace:loadSample'
>;

export const SAMPLE_FILE = 'sample-workspace.json';

export function importText(
  ctx: ServiceContext,
  format: 'json' | 'csv',
  content: string,
  fileName: string,
): ImportReport {
  if (format === 'csv') {
    return applyImport(ctx, {
      format,
      fileName,
      content,
      elections: [],
      threats: parseThreatsCsv(content, fileName),
    });
  }
  // One parse: a STIX 2.1 bundle ("type": "bundle") goes to the STIX import, anything else is a workspace.
  const data = tryParse(content);
  if (isBundle(data)) return importStixData(ctx, data, content, fileName);
  const ws = data === undefined ? parseWorkspaceJson(content, fileName) : validateWorkspace(data, fileName);
  const { elections, threats, partners, organisation, ...rest } = ws;
  // Fields the contract names are not "extra"; the rest is kept as the file gave it.
  const extra = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== 'format' && key !== 'exportedAt'),
  );
  return applyImport(ctx, {
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
    return JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch {
    return undefined; // parseWorkspaceJson says where the syntax is wrong
  }
}

function isBundle(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { type?: unknown }).type === 'bundle'
  );
}

export function exportAudited(ctx: ServiceContext, opts: ExportOptions) {
  const result = exportWorkspace(ctx, opts);
  const who = ctx.identity();
  ctx.audit.append({
    action: 'workspace.exported',
    subject: 'workspace',
    actor: who?.name,
    role: who?.role,
    details: {
      format: opts.format,
      threats: result.threats,
      includeClassified: opts.includeClassified,
      electionId: opts.electionId,
    },
  });
  return result;
}

export function loadSample(ctx: ServiceContext): ImportReport {
  const file = path.join(ctx.assetsDir, SAMPLE_FILE);
  const report = importText(ctx, 'json', fs.readFileSync(file, 'utf8'), SAMPLE_FILE);
  return { ...report, partners: loadSamplePartners(ctx) };
}

export function workspaceHandlers(ctx: ServiceContext): WorkspaceHandlers {
  return {
    'workspace:import': ({ format, content, fileName }) =>
      importText(ctx, format, content, fileName ?? `the ${format.toUpperCase()} file`),
    'workspace:export': (opts) => exportAudited(ctx, opts),
    'workspace:loadSample': () => loadSample(ctx),
  };
}
