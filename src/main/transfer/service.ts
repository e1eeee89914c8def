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
import { parseWorkspaceJson } from './json-import';

type WorkspaceHandlers = Pick<HandlersOf<typeof threatsContract>, 'workspace:import' | 'workspace:export' | 'workspace:loadSample'>;

export const SAMPLE_FILE = 'sample-workspace.json';

export function importText(ctx: ServiceContext, format: 'json' | 'csv', content: string, fileName: string): ImportReport {
  if (format === 'csv') {
    return applyImport(ctx, { format, fileName, content, elections: [], threats: parseThreatsCsv(content, fileName) });
  }
  const { format: _f, exportedAt: _e, elections, threats, ...extra } = parseWorkspaceJson(content, fileName);
  return applyImport(ctx, { format, fileName, content, elections, threats, extra });
}

export function exportAudited(ctx: ServiceContext, opts: ExportOptions) {
  const result = exportWorkspace(ctx, opts);
  const who = ctx.identity();
  ctx.audit.append({
    action: 'workspace.exported',
    subject: 'workspace',
    actor: who?.name,
    role: who?.role,
    details: { format: opts.format, threats: result.threats, includeClassified: opts.includeClassified, electionId: opts.electionId },
  });
  return result;
}

export function loadSample(ctx: ServiceContext): ImportReport {
  const file = path.join(ctx.assetsDir, SAMPLE_FILE);
  return importText(ctx, 'json', fs.readFileSync(file, 'utf8'), SAMPLE_FILE);
}

export function workspaceHandlers(ctx: ServiceContext): WorkspaceHandlers {
  return {
    'workspace:import': ({ format, content, fileName }) => importText(ctx, format, content, fileName ?? `the ${format.toUpperCase()} file`),
    'workspace:export': (opts) => exportAudited(ctx, opts),
    'workspace:loadSample': () => loadSample(ctx),
  };
}
