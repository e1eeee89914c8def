// What every domain service is given: the open database, its settings, a clock, the events the
// services tell each other, and who is acting. Services never import Electron; the shell, the CLI and
// browser mode build the context (services.ts: createContext) and the handlers over it.
import type { Identity } from '../shared/domain/app';
import type { AuditEntry, AuditVerificationResult } from '../shared/domain/audit';
import type { Db } from './db/types';
import type { WriteInfo } from './db/versioned-documents';
import type { ServiceEvents } from './events';
import type { Settings } from './settings/settings';

/** The person an audit entry names, when it is not the one acting (a decision taken by someone the
 *  official records it for, a sign-off typed by name). */
export type OnBehalfOf = Identity;

/** Reading the audit log (entries are appended only through `record`). */
export interface AuditReader {
  list(opts?: { subject?: string | undefined; limit?: number; beforeSeq?: number | undefined }): AuditEntry[];
  verify(): AuditVerificationResult;
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
  /** Who is acting, for history and the audit log; null until someone says who they are. The host
   *  says (the desktop window, the HTTP session, the CLI); by default the identity in settings. */
  actor(): Identity | null;
  /**
   * Appends an audit entry as the acting person: the one place audit entries are written. Call it
   * inside the transaction of the change it records. With `onBehalfOf`, that person is the entry's
   * actor, and whoever recorded it, when someone else, is kept in the details.
   */
  record(
    action: string,
    subject: string | null,
    details?: Record<string, unknown>,
    opts?: { onBehalfOf?: OnBehalfOf | null },
  ): void;
  /** Who changes a record now, and how, for its history. */
  writeInfo(change: string): WriteInfo;
}
