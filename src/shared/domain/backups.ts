// Backups, restore and encryption at rest, as the settings screen and the CLI see them.

export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'pre-encryption', 'replaced'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const DEFAULT_BACKUPS_KEPT = 10;
export const MAX_BACKUPS_KEPT = 100;

export interface BackupInfo {
  /** The file name inside the backups folder (what restore takes). */
  name: string;
  kind: BackupKind;
  /** When it was taken (ISO 8601). */
  createdAt: string;
  size: number;
  /** The schema version inside, or null when the file cannot be read with the current key. */
  schemaVersion: number | null;
  encrypted: boolean;
  /** Why it cannot be read, when it cannot. */
  problem?: string;
}

/** Where the database key came from: the operating system's key store (desktop app), the
 *  THRESHOLD_DB_KEY environment variable, a prompt, a person's key slot (their passphrase, at sign-in or
 *  setup), or nowhere (the database is not open yet). */
export type KeySource = 'os' | 'env' | 'prompt' | 'passphrase' | null;

export interface BackupOverview {
  dir: string;
  dbPath: string;
  /** How many automatic backups are kept (older ones are removed on start). */
  keep: number;
  encrypted: boolean;
  keySource: KeySource;
  /** Whether this mode can restore in place (the desktop app and browser mode can; see the CLI otherwise). */
  canRestore: boolean;
  /** Whether this mode can show the key (the desktop app only). */
  canShowKey: boolean;
  backups: BackupInfo[];
}

export interface RestoreReport {
  restoredFrom: string;
  /** Where the database that was replaced now lies (in the backups folder), or null if there was none. */
  replacedBy: string | null;
  schemaVersion: number;
  threats: number;
  encrypted: boolean;
}
