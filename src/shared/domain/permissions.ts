// What each role may do: the one permission table. The services enforce it (ctx.require in main, and the
// dispatcher before every channel, see shared/ipc/access.ts); the interface only reads it to hide what a
// person cannot do. A person with several roles may do what any of them allows.
import type { Role } from './accounts';

export const ACTIONS = [
  /** Read the log, assessments, plans, drafts, partners, the dashboard and the audit log. */
  'log.read',
  /** Record and edit threats and elections, import workspaces and bundles, load the sample. */
  'log.write',
  /** Keep an assessment (the recommendation) on record. */
  'assessment.save',
  /** Decide on an assessment ("should we speak?"); speaking publicly also takes a fresh signature. */
  'decision.record',
  /** Change the intervention policy. */
  'policy.change',
  /** Write communication plans and drafts. */
  'drafts.write',
  /** Write a draft out as a Word document. */
  'drafts.export',
  /** Sign a draft off as reviewed (not one's own). */
  'draft.review',
  /** Approve a draft for release (neither one's own nor one reviewed), with a fresh signature. */
  'draft.approve',
  /** Edit the organisation's profile (names, contacts) that public texts use. */
  'organisation.edit',
  /** Keep the partner directory. */
  'partners.write',
  /** Export the workspace (JSON, CSV, STIX) without classified notes. */
  'workspace.export',
  /** Export with classified notes. */
  'export.classified',
  /** Take backups and set how many are kept. */
  'backups.manage',
  /** Replace the database with a backup. */
  'backups.restore',
  /** See the database key (for recovery and the command line). */
  'database.key',
  /** Add people, set their roles, disable them, reset their passphrases; set the idle lock. */
  'accounts.manage',
  /** Sign a checkpoint of the audit log's head, to keep outside the database. */
  'audit.checkpoint',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  analyst: [
    'log.read',
    'log.write',
    'assessment.save',
    'partners.write',
    'workspace.export',
    'audit.checkpoint',
  ],
  communications: [
    'log.read',
    'drafts.write',
    'drafts.export',
    'organisation.edit',
    'partners.write',
    'workspace.export',
    'audit.checkpoint',
  ],
  reviewer: ['log.read', 'drafts.export', 'draft.review', 'audit.checkpoint'],
  approver: [
    'log.read',
    'assessment.save',
    'decision.record',
    'drafts.export',
    'draft.approve',
    'audit.checkpoint',
  ],
  'policy-owner': ['log.read', 'policy.change', 'audit.checkpoint'],
  administrator: [
    'accounts.manage',
    'log.read',
    'organisation.edit',
    'workspace.export',
    'export.classified',
    'backups.manage',
    'backups.restore',
    'database.key',
    'audit.checkpoint',
  ],
};

/** The first of `roles` that allows `action` (the role the person acts in), or null. */
export function roleFor(roles: readonly Role[], action: Action): Role | null {
  return roles.find((r) => PERMISSIONS[r].includes(action)) ?? null;
}

export function can(roles: readonly Role[], action: Action): boolean {
  return roleFor(roles, action) !== null;
}

/** Everything `roles` allow, for the interface. */
export function allowedActions(roles: readonly Role[]): Action[] {
  return ACTIONS.filter((a) => can(roles, a));
}
