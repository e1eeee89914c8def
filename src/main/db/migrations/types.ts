import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Steps of 10; the database's PRAGMA user_version after this migration. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
