// What every domain service is given: the open database, its settings, a clock, the events the
// services tell each other, and who is acting. Services never import Electron; the shell, the CLI and
// browser mode build the context (services.ts: createContext) and the handlers over it.
import type { KeyObject } from 'node:crypto';
import type { Identity } from '../shared/domain/app';
import type { AuditCheckpoint, AuditEntry, AuditVerificationResult } from '../shared/domain/audit';
import type { Action } from '../shared/domain/permissions';
import type { Db } from './db/types';
import type { WriteInfo } from './db/versioned-documents';
import type { ServiceEvents } from './events';
import type { Acting } from './scope';
import type { Settings } from './settings/settings';

/** Reading the audit log (entries are appended only through `record`). */
export interface AuditReader {
  list(opts?: { subject?: string | undefined; limit?: number; beforeSeq?: number | undefined }): AuditEntry[];
  /** The whole check (audit/verify.ts): chain, signatures, signed records, and a checkpoint if given. */
  verify(opts?: { checkpoint?: AuditCheckpoint | undefined }): AuditVerificationResult;
}

/** A record signed by the acting account: the SHA-256 of its canonical JSON, and the Ed25519 signature. */
export interface SignedContent {
  accountId: string;
  contentHash: string;
  signature: string;
}

export interface ServiceContext {
  db: Db;
  dbPath: string;
  /** Folder of the app's assets (sample workspace, default policy, schemas). */
  assetsDir: string;
  settings: Settings;
  clock: () => Date;
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  events: ServiceEvents;
  audit: AuditReader;
  /** The signed-in account this call acts for (from the host's session, never from a payload). */
  acting(): Acting | null;
  /** Who is acting, as history and audit entries name them: the account's name and the role it acts in. */
  actor(): Identity | null;
  /**
   * Refuses (code `forbidden`, or `not-signed-in`) unless the acting account's roles allow `action`;
   * returns the acting account, now acting in the role that allowed it.
   */
  require(action: Action): Acting;
  /**
   * Appends an audit entry as the acting account, signed with its key: the one place audit entries are
   * written. Call it inside the transaction of the change it records.
   */
  record(action: string, subject: string | null, details?: Record<string, unknown>): void;
  /** Signs `content` (its canonical JSON's SHA-256) as the acting account, or with `signer` (a key just
   *  unsealed with a passphrase typed for this very signature). */
  sign(content: unknown, signer?: KeyObject): SignedContent;
  /** Who changes a record now, and how, for its history. */
  writeInfo(change: string): WriteInfo;
}
