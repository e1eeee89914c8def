// The one place that builds the services and joins every domain's handlers into the map the
// dispatcher serves; the shell, the CLI and browser mode all use it. What only a shell can do comes
// in as typed ports (HostPorts), and the events the services tell each other are wired here, so that
// what runs when a threat is saved is written down once, below, and not decided by construction order.
import type { Identity } from '../shared/domain/app';
import { IdentitySchema } from '../shared/domain/app';
import { IDENTITY_KEY, appHandlers } from './app/service';
import { LevelKeeper } from './assessment/levels';
import { PolicyInForce } from './assessment/policy-store';
import { AssessmentService } from './assessment/service';
import { AuditLog } from './audit/audit-log';
import { auditHandlers } from './audit/service';
import { backupHandlers, securityHandlers, type DatabaseHostPort } from './backups/service';
import type { ServiceContext } from './context';
import { dashboardHandlers } from './dashboard/service';
import type { Db } from './db/types';
import { DraftingService } from './drafting/service';
import { ElectionRepository } from './elections/repository';
import { electionHandlers } from './elections/service';
import { OrganisationService } from './organisation/service';
import { ServiceEvents } from './events';
import type { OpenFilePort } from './files/open-port';
import type { SaveFilePort } from './files/save-port';
import { filesHandlers } from './files/service';
import type { Handlers } from './ipc/dispatcher';
import { OutcomeService } from './outcomes/service';
import { partnerHandlers } from './partners/service';
import { ReportService } from './report/service';
import { Settings } from './settings/settings';
import { stixHandlers } from './stix/service';
import { ThreatService } from './threats/service';
import { ThreatStore } from './threats/store';
import { isResponse } from './threats/workflow';
import { workspaceHandlers } from './workspace/service';

export interface ContextOptions {
  dbPath: string;
  assetsDir: string;
  mode: ServiceContext['mode'];
  appVersion: string;
  clock?: (() => Date) | undefined;
  /** Who is acting, as the host knows it; by default the identity kept in settings. */
  actor?: () => Identity | null;
}

/** What only the host of the database can give the services. */
export interface HostPorts {
  /** Restore and the database key (AppHost: the desktop app and browser mode). */
  database?: DatabaseHostPort;
  /** Saving files where the user says (the desktop app's dialog, browser mode's downloads). */
  saveFile?: SaveFilePort;
  /** Opening a file the user chooses, read by the host (the desktop app's dialog). */
  openFile?: OpenFilePort;
}

export function createContext(db: Db, opts: ContextOptions): ServiceContext {
  const clock = opts.clock ?? (() => new Date());
  const settings = new Settings(db);
  const audit = new AuditLog(db, clock);
  const actor = opts.actor ?? (() => settings.get(IDENTITY_KEY, IdentitySchema) ?? null);
  return {
    db,
    dbPath: opts.dbPath,
    assetsDir: opts.assetsDir,
    settings,
    clock,
    mode: opts.mode,
    appVersion: opts.appVersion,
    events: new ServiceEvents(),
    audit,
    actor,
    record(action, subject, details = {}, { onBehalfOf } = {}) {
      const who = actor();
      const as = onBehalfOf ?? who;
      const recordedBy =
        onBehalfOf && who && (who.name !== onBehalfOf.name || who.role !== onBehalfOf.role)
          ? { recordedBy: who.name, recordedByRole: who.role }
          : {};
      audit.append({
        action,
        subject,
        actor: as?.name,
        role: as?.role,
        details: { ...details, ...recordedBy },
      });
    },
    writeInfo: (change) => ({ change, by: actor()?.name ?? null, at: clock().toISOString() }),
  };
}

export function createHandlers(ctx: ServiceContext, ports: HostPorts = {}): Handlers {
  const threats = new ThreatStore(ctx.db);
  const elections = new ElectionRepository(ctx.db);
  const policies = new PolicyInForce(ctx.db);

  // Each threat's level under the policy in force: written with every threat (the scoring port the
  // writers are given), re-scored when a threat changed without it or its election's calendar moved.
  const levels = new LevelKeeper(ctx, threats, elections, policies);
  ctx.events.on('threatsChanged', ({ ids, scored }) => {
    if (!scored) levels.recompute(ids);
  });
  ctx.events.on('electionChanged', ({ id }) => levels.recomputeElection(id));
  levels.ensureCurrent();

  const assessment = new AssessmentService(ctx, threats, elections, policies, levels);
  const threatService = new ThreatService(ctx, threats, elections, levels);
  // A threat's status follows the work: decided → assessed; a public text approved → responded.
  ctx.events.on('decisionRecorded', ({ threatIds, assessmentId }) =>
    threatService.advanceStatus(threatIds, 'assessed', { assessment: assessmentId }),
  );
  ctx.events.on('draftApproved', ({ threatIds, draftId, template, version }) => {
    if (isResponse(template))
      threatService.advanceStatus(threatIds, 'responded', { draft: draftId, draftVersion: version });
  });
  // One map per contract (src/shared/ipc/<domain>.contract.ts), each typed by its own contract.
  return {
    ...appHandlers(ctx),
    ...assessment.handlers(),
    ...auditHandlers(ctx.audit),
    ...backupHandlers(ctx, ports.database),
    ...dashboardHandlers(ctx),
    ...new DraftingService(ctx, ports.saveFile).handlers(),
    ...electionHandlers(ctx, elections, threats),
    ...filesHandlers(ports.saveFile, ports.openFile),
    ...new OutcomeService(ctx).handlers(),
    ...partnerHandlers(ctx),
    ...assessment.policyHandlers(),
    ...new OrganisationService(ctx).handlers(),
    ...new ReportService(ctx, ports.saveFile).handlers(),
    ...securityHandlers(ctx, ports.database),
    ...stixHandlers(ctx, levels),
    ...threatService.handlers(),
    ...workspaceHandlers(ctx, levels),
  };
}
