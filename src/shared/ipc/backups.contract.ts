import { z } from 'zod';
import {
  MAX_BACKUPS_KEPT,
  type BackupInfo,
  type BackupOverview,
  type RestoreReport,
} from '../domain/backups';
import { Confirmed, returns } from './define';

/** A file name inside the backups folder: no folders, no path tricks. */
export const BackupNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be the name of a file in the backups folder');

export const backupsContract = {
  'backups:list': { request: z.strictObject({}), response: returns<BackupOverview>() },
  'backups:create': { request: z.strictObject({}), response: returns<BackupInfo>() },
  'backups:setKeep': {
    request: z.strictObject({ keep: z.number().int().min(1).max(MAX_BACKUPS_KEPT) }),
    response: returns<{ keep: number }>(),
  },
  /** Replaces the database with a backup, after checking it; the replaced file is kept in the backups folder. */
  'backups:restore': {
    request: z.strictObject({ name: BackupNameSchema, confirm: Confirmed }),
    response: returns<RestoreReport>(),
  },
} as const;
