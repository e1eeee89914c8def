// Fresh databases for the benchmark, opened exactly as the app opens them.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import { createContext, type ServiceContext } from '../../src/main/context';

export function freshDb(file: string): Db {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return openDatabase(file);
}

export function contextFor(db: Db, file: string): ServiceContext {
  return createContext(db, {
    dbPath: file,
    assetsDir: path.resolve('assets'),
    mode: 'cli',
    appVersion: 'bench',
  });
}

export { closeDatabase };
