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
import type { ServiceContext } from '../context';
import { clampKeep, createBackup, defaultBackupDir, KEEP_SETTING, listBackups } from '../db/backups';
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

export function backupHandlers(ctx: ServiceContext, host?: DatabaseHostPort): BackupHandlers {
  const who = () => ctx.identity();
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
        ctx.audit.append({
          action: 'backup.created',
          subject: 'database',
          actor: who()?.name,
          role: who()?.role,
          details: { name: info.name, size: info.size },
        }),
      )();
      return info;
    },
    'backups:setKeep': ({ keep }) =>
      ctx.db.transaction(() => {
        ctx.settings.set(KEEP_SETTING, keep);
        ctx.audit.append({
          action: 'backups.keep-changed',
          subject: 'database',
          actor: who()?.name,
          role: who()?.role,
          details: { keep },
        });
        return { keep };
      })(),
    'backups:restore': ({ name }) => {
      if (!host)
        throw new AppError(
          'unsupported',
          'Restoring needs the database closed: use the desktop app, browser mode, or `threshold restore <file>` with the app closed.',
        );
      return host.restore(name);
    },
    'security:showDatabaseKey': async () => {
      if (!host?.showKey)
        throw new AppError(
          'unsupported',
          'Only the desktop app can show the database key. In browser mode and the CLI the key is the one you gave (THRESHOLD_DB_KEY).',
        );
      const shown = await host.showKey();
      if (shown) {
        ctx.db.transaction(() =>
          ctx.audit.append({
            action: 'database.key-shown',
            subject: 'database',
            actor: who()?.name,
            role: who()?.role,
            details: {},
          }),
        )();
      }
      return { shown };
    },
  };
}
