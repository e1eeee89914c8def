// Who may call each channel: the dispatcher checks it before any handler runs, for every entry point
// (desktop IPC, browser mode's HTTP, the CLI). Handlers check finer rules themselves through the service
// context (ctx.require), e.g. classified notes in an export, or the four-eyes rule.
// - `public`: anyone, even before setup or sign-in (the session and setup channels);
// - `session`: someone signed in here, even while the session is locked (locking, unlocking);
// - `signed-in`: someone signed in here, unlocked, whatever their roles (their own passphrase);
// - an action of the permission table: a signed-in, unlocked person whose roles allow it.
import type { Action } from '../domain/permissions';
import type { Channel } from './contract';

export type Access = 'public' | 'session' | 'signed-in' | Action;

export const CHANNEL_ACCESS: Readonly<Record<Channel, Access>> = {
  'accounts:list': 'accounts.manage',
  'accounts:create': 'accounts.manage',
  'accounts:setRoles': 'accounts.manage',
  'accounts:disable': 'accounts.manage',
  'accounts:enable': 'accounts.manage',
  'accounts:resetPassphrase': 'accounts.manage',
  'app:info': 'log.read',
  'assessment:assess': 'log.read',
  'assessment:assessCluster': 'log.read',
  'assessment:save': 'assessment.save',
  'assessment:history': 'log.read',
  'assessment:recent': 'log.read',
  'assessment:get': 'log.read',
  'assessment:decide': 'decision.record',
  'assessment:suggestClusters': 'log.read',
  'audit:list': 'log.read',
  'audit:verify': 'log.read',
  'audit:checkpoint': 'audit.checkpoint',
  'backups:list': 'log.read',
  'backups:create': 'backups.manage',
  'backups:setKeep': 'backups.manage',
  'backups:restore': 'backups.restore',
  'dashboard:series': 'log.read',
  'drafting:list': 'log.read',
  'drafting:createPlan': 'drafts.write',
  'drafting:getPlan': 'log.read',
  'drafting:planVersions': 'log.read',
  'drafting:savePlan': 'drafts.write',
  'drafting:createDraft': 'drafts.write',
  'drafting:getDraft': 'log.read',
  'drafting:draftVersions': 'log.read',
  'drafting:saveDraft': 'drafts.write',
  'drafting:check': 'log.read',
  'drafting:review': 'draft.review',
  'drafting:approve': 'draft.approve',
  'drafting:export': 'drafts.export',
  'drafting:saveDocx': 'drafts.export',
  'elections:list': 'log.read',
  'elections:get': 'log.read',
  'elections:save': 'log.write',
  'elections:delete': 'log.write',
  'files:open': 'log.read',
  'files:read': 'log.read',
  'files:close': 'log.read',
  'files:save': 'log.read',
  'outcomes:list': 'log.read',
  'outcomes:get': 'log.read',
  'outcomes:add': 'log.write',
  'outcomes:update': 'log.write',
  'outcomes:delete': 'log.write',
  'outcomes:undelete': 'log.write',
  'outcomes:timeline': 'log.read',
  'outcomes:history': 'log.read',
  'partners:list': 'log.read',
  'partners:get': 'log.read',
  'partners:create': 'partners.write',
  'partners:update': 'partners.write',
  'partners:delete': 'partners.write',
  'partners:undelete': 'partners.write',
  'partners:history': 'log.read',
  'partners:restoreVersion': 'partners.write',
  'partners:recordContact': 'partners.write',
  'partners:forThreats': 'log.read',
  'partners:readiness': 'log.read',
  'partners:settings': 'log.read',
  'partners:saveSettings': 'partners.write',
  'profile:get': 'log.read',
  'profile:set': 'organisation.edit',
  'policy:get': 'log.read',
  'policy:versions': 'log.read',
  'policy:save': 'policy.change',
  'policy:preview': 'log.read',
  'report:export': 'workspace.export',
  'report:save': 'workspace.export',
  'security:showDatabaseKey': 'database.key',
  'session:status': 'public',
  'session:signIn': 'public',
  'session:lock': 'session',
  'session:unlock': 'session',
  'session:signOut': 'public',
  'session:changePassphrase': 'signed-in',
  'session:checkPassphrase': 'public',
  'session:setIdleMinutes': 'accounts.manage',
  'setup:run': 'public',
  'setup:discardPlainBackup': 'accounts.manage',
  'stix:export': 'workspace.export',
  'stix:import': 'log.write',
  // Connecting this desktop app to a team server: anyone at this computer, signed in here or not (a
  // person may work only on the team server). It changes nothing in the local database.
  'team:check': 'public',
  'team:connect': 'public',
  'threats:list': 'log.read',
  'threats:get': 'log.read',
  'threats:create': 'log.write',
  'threats:update': 'log.write',
  'threats:delete': 'log.write',
  'threats:undelete': 'log.write',
  'threats:history': 'log.read',
  'threats:restoreVersion': 'log.write',
  'threats:facets': 'log.read',
  'workspace:import': 'log.write',
  'workspace:importBegin': 'log.write',
  'workspace:importChunk': 'log.write',
  'workspace:importEnd': 'log.write',
  'workspace:importCancel': 'log.write',
  'workspace:export': 'workspace.export',
  'workspace:loadSample': 'log.write',
};

export function accessOf(channel: Channel): Access {
  return CHANNEL_ACCESS[channel];
}

/** Channels that do not run in the writer queue: those that only read, and those that put only their own
 *  writes in it. Everything else goes through the writer queue. */
const OUTSIDE_WRITER_QUEUE: ReadonlySet<Channel> = new Set([
  'session:status',
  'session:checkPassphrase',
  // Checking a passphrase (scrypt) takes a noticeable fraction of a second by design: many people signing
  // in at once must not hold everyone's saves. The session service queues what they write.
  'session:signIn',
  'session:unlock',
  // Connecting the desktop app to a team server never touches the database (it waits on the network:
  // it must not hold every save behind a server that does not answer).
  'team:check',
  'team:connect',
]);

export function isWriteChannel(channel: Channel): boolean {
  return CHANNEL_ACCESS[channel] !== 'log.read' && !OUTSIDE_WRITER_QUEUE.has(channel);
}

/** Channels that replace the whole database: refused while any write is in flight. */
export const EXCLUSIVE_CHANNELS: ReadonlySet<Channel> = new Set(['backups:restore']);
