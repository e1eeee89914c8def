// The backups screen's handlers. Restoring needs the database closed and reopened, which only the
// host of the open database can do (AppHost: desktop app and browser mode); without one, restore and
// showing the key answer `unsupported` (the CLI has `threshold restore`).
import { AppError } from '../../shared/errors';
import {
  DEFAULT_BACKUPS_KEPT,
  type BackupOverview,
  type KeySource,
  type RestoreReport,
} from '../../shared/domain/backups';
import type { HandlersOf } from '../../shared/ipc/define';
import type { backupsContract } from '../../shared/ipc/backups.contract';
import type { securityContract } from '../../shared/ipc/security.contract';
import type { ServiceContext } from '../context';
import path from 'node:path';
import {
  clampKeep,
  createBackup,
  defaultBackupDir,
  KEEP_SETTING,
  listBackups,
  writeBackupTo,
} from '../db/backups';
import type { DbKey } from '../db/encryption';
import { sniffFile } from '../db/encryption';
import { z } from 'zod';

export type BackupHandlers = HandlersOf<typeof backupsContract>;

/** What the host of the open database offers beyond the services. */
export interface DatabaseHostPort {
  key: DbKey | null;
  keySource: KeySource;
  restore(name: string): RestoreReport;
  /** Desktop app only: shows the key in a window of its own. */
  showKey?: () => Promise<boolean>;
}

export function backupsKept(ctx: ServiceContext): number {
  return clampKeep(ctx.settings.get(KEEP_SETTING, z.number()) ?? DEFAULT_BACKUPS_KEPT);
}

/** A backup written to a file the user names (the CLI's `backup --out`), audited. */
export function backupToFile(ctx: ServiceContext, target: string): { size: number; encrypted: boolean } {
  const written = writeBackupTo(ctx.db, target);
  ctx.db.transaction(() =>
    ctx.record('backup.created', 'database', { file: path.basename(target), size: written.size }),
  )();
  return written;
}

export function backupHandlers(ctx: ServiceContext, host?: DatabaseHostPort): BackupHandlers {
  return {
    'backups:list': (): BackupOverview => ({
      dir: defaultBackupDir(ctx.dbPath),
      dbPath: ctx.dbPath,
      keep: backupsKept(ctx),
      encrypted: sniffFile(ctx.dbPath) === 'encrypted',
      keySource: host?.keySource ?? null,
      canRestore: host !== undefined,
      canShowKey: host?.showKey !== undefined,
      backups: listBackups(ctx.dbPath, host?.key),
    }),
    'backups:create': () => {
      const info = createBackup(ctx.db, ctx.dbPath, 'manual', { now: ctx.clock() });
      ctx.db.transaction(() =>
        ctx.record('backup.created', 'database', { name: info.name, size: info.size }),
      )();
      return info;
    },
    'backups:setKeep': ({ keep }) =>
      ctx.db.transaction(() => {
        ctx.settings.set(KEEP_SETTING, keep);
        ctx.record('backups.keep-changed', 'database', { keep });
        return { keep };
      })(),
    'backups:restore': ({ name }) => {
      if (!host) throw new AppError('unsupported', { id: 'backups/restoring-needs-database-closed' });
      return host.restore(name);
    },
  };
}

export function securityHandlers(
  ctx: ServiceContext,
  host?: DatabaseHostPort,
): HandlersOf<typeof securityContract> {
  return {
    'security:showDatabaseKey': async () => {
      if (!host?.showKey) throw new AppError('unsupported', { id: 'backups/only-desktop-app-can' });
      const shown = await host.showKey();
      if (shown) {
        ctx.db.transaction(() => ctx.record('database.key-shown', 'database', {}))();
      }
      return { shown };
    },
  };
}
