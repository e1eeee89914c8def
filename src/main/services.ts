// The one place that builds the services and joins every domain's handlers into the map the
// dispatcher serves; the shell, the CLI and browser mode all use it. What only a shell can do comes
// in as typed ports (HostPorts), and the events the services tell each other are wired here, so that
// what runs when a threat is saved is written down once, below, and not decided by construction order.
import type { KeyObject } from 'node:crypto';
import { AppError } from '../shared/errors';
import { appHandlers } from './app/service';
import { AccountsService, type AccountSessionsPort, type KeySlotsPort } from './accounts/service';
import { signDigest } from './crypto/credentials';
import { LevelKeeper } from './assessment/levels';
import { PolicyInForce } from './assessment/policy-store';
import { AssessmentService } from './assessment/service';
import { AuditLog } from './audit/audit-log';
import { UNSIGNED_ACTIONS } from './audit/unsigned';
import { auditHandlers } from './audit/service';
import { verifyRecords } from './audit/verify';
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
import { actIn, currentActing, type Acting } from './scope';
import { ReportService } from './report/service';
import { Settings } from './settings/settings';
import { contentHash } from './crypto/content-hash';
import { stixHandlers } from './stix/service';
import { ThreatService } from './threats/service';
import { ThreatStore } from './threats/store';
import { isResponse } from './threats/workflow';
import { openImport, workspaceHandlers } from './workspace/service';
import { StreamedImports } from './workspace/imports';

export interface ContextOptions {
  dbPath: string;
  assetsDir: string;
  mode: ServiceContext['mode'];
  appVersion: string;
  clock?: (() => Date) | undefined;
  /** Who is acting: by default the account of the call's session, as the host put it in scope
   *  (sessions/scope.ts). */
  acting?: () => Acting | null;
}

/** What only the host of the database can give the services. */
export interface HostPorts {
  /** The key slots beside the database and the sessions (AppHost: every entry point has one). */
  keySlots: KeySlotsPort;
  sessions: AccountSessionsPort;
  /** Restore and the database key (AppHost: the desktop app and browser mode). */
  database?: DatabaseHostPort;
  /** Saving files where the user says (the desktop app's dialog, browser mode's downloads). */
  saveFile?: SaveFilePort;
  /** Opening a file the user chooses, read by the host (the desktop app's dialog). */
  openFile?: OpenFilePort;
  /** Told which threats a write changed (the host's live updates announce their ids). */
  threatsChanged?: (ids: readonly string[]) => void;
}

export function createContext(db: Db, opts: ContextOptions): ServiceContext {
  const clock = opts.clock ?? (() => new Date());
  const settings = new Settings(db);
  const audit = new AuditLog(db, clock);
  const acting = opts.acting ?? currentActing;
  const signedIn = (): Acting => {
    const who = acting();
    if (!who) throw new AppError('not-signed-in', { id: 'sessions/sign-first-nobody-signed' });
    return who;
  };
  const sign = (content: unknown, signer?: KeyObject) => {
    const who = signedIn();
    const key = signer ?? who.signer;
    if (!key) throw new AppError('session-locked', { id: 'services/session-locked-unlock-sign' });
    const hash = contentHash(content);
    return { accountId: who.accountId, contentHash: hash, signature: signDigest(key, hash) };
  };
  return {
    db,
    dbPath: opts.dbPath,
    assetsDir: opts.assetsDir,
    settings,
    clock,
    mode: opts.mode,
    appVersion: opts.appVersion,
    events: new ServiceEvents(),
    audit: {
      list: (q) => audit.list(q),
      verify: (o) => verifyRecords(db, o),
    },
    acting,
    actor() {
      const who = acting();
      return who ? { name: who.name, role: who.role ?? who.roles.join(', ') } : null;
    },
    require(action) {
      return actIn(signedIn(), action);
    },
    record(action, subject, details = {}) {
      const who = acting();
      if (!who?.signer) {
        // Only a failed sign-in is written with nobody to sign it; anything else is a bug to surface.
        if (!UNSIGNED_ACTIONS.has(action))
          throw new Error(`audit entry "${action}" written without a signed-in account to sign it`);
        audit.append({ action, subject, details });
        return;
      }
      const signer = who.signer;
      audit.append({
        action,
        subject,
        actor: who.name,
        role: who.role ?? who.roles.join(', '),
        details,
        accountId: who.accountId,
        sign: (hash) => signDigest(signer, hash),
      });
    },
    sign,
    writeInfo: (change) => ({ change, by: acting()?.name ?? null, at: clock().toISOString() }),
  };
}

/** The channels the host itself answers (sessions and setup), not the services of an open database. */
export type HostChannels = `session:${string}` | `setup:${string}` | `team:${string}`;
export type ServiceHandlers = Omit<Handlers, Extract<keyof Handlers, HostChannels>>;

export interface Services {
  handlers: ServiceHandlers;
  accounts: AccountsService;
}

export function createServices(ctx: ServiceContext, ports: HostPorts): Services {
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
  // Live updates: which threats changed, for every open window to refetch.
  const announce = ports.threatsChanged;
  if (announce) ctx.events.on('threatsChanged', ({ ids }) => announce(ids));
  levels.ensureCurrent();

  const accounts = new AccountsService(ctx, ports.keySlots, ports.sessions);
  const assessment = new AssessmentService(ctx, threats, elections, policies, levels, (passphrase) =>
    accounts.freshSigner(passphrase),
  );
  // While a streamed import holds its transaction open, every other channel waits (workspace/imports.ts).
  const imports = new StreamedImports(ctx, levels, openImport);
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
  const handlers: ServiceHandlers = imports.guard({
    ...accounts.handlers(),
    ...appHandlers(ctx),
    ...assessment.handlers(),
    ...auditHandlers(ctx),
    ...backupHandlers(ctx, ports.database),
    ...dashboardHandlers(ctx),
    ...new DraftingService(ctx, (passphrase) => accounts.freshSigner(passphrase), ports.saveFile).handlers(),
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
    ...workspaceHandlers(ctx, levels, imports),
  });
  return { handlers, accounts };
}
