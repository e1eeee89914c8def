// What every domain service is given: the open database, the audit log, a clock and
// who is acting. Services never import Electron; the shell, the CLI and browser mode build this.
import type { Db } from './db/connection';
import { AuditLog } from './audit/audit-log';
import { Settings } from './settings/settings';
import { IdentitySchema, type Identity } from '../shared/domain/app';
import type { Level } from '../shared/domain/enums';
import type { Threat } from '../shared/domain/workspace';

export interface ServiceContext {
  db: Db;
  dbPath: string;
  /** Folder of the app's assets (sample workspace, default policy, schemas). */
  assetsDir: string;
  audit: AuditLog;
  settings: Settings;
  clock: () => Date;
  /** Who is acting, for history and the audit log (from settings; null until set). */
  identity: () => Identity | null;
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  /** Called inside the write transaction after threats are created, changed or (un)deleted,
   *  so that derived data (e.g. each threat's current level) stays in step. */
  threatsChanged: ((ids: readonly string[]) => void)[];
  /** Scores threats as they are written, so that each row is written once with its current level
   *  (set by the assessment service; null when no policy engine is wired, e.g. in small tests). */
  levels: { scorer(): (threat: Threat) => { level: Level; score: number } } | null;
}

export function createContext(
  db: Db,
  opts: {
    dbPath: string;
    assetsDir: string;
    mode: ServiceContext['mode'];
    appVersion: string;
    clock?: () => Date;
  },
): ServiceContext {
  const clock = opts.clock ?? (() => new Date());
  const settings = new Settings(db);
  return {
    db,
    dbPath: opts.dbPath,
    assetsDir: opts.assetsDir,
    audit: new AuditLog(db, clock),
    settings,
    clock,
    identity: () => settings.get('identity', IdentitySchema) ?? null,
    mode: opts.mode,
    appVersion: opts.appVersion,
    threatsChanged: [],
    levels: null,
  };
}
