// Fresh databases for the benchmark, opened exactly as the app opens them.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import { createContext } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/context';
import { LevelKeeper } from '../../src/main/assessment/levels';
import { PolicyInForce } from '../../src/main/assessment/policy-store';
import { AssessmentService } from '../../src/main/assessment/service';
import { ElectionRepository } from '../../src/main/elections/repository';
import { ThreatStore } from '../../src/main/threats/store';

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

/** The services a figure drives directly, built as services.ts builds them. */
export function servicesFor(ctx: ServiceContext): { levels: LevelKeeper; assessment: AssessmentService } {
  const threats = new ThreatStore(ctx.db);
  const elections = new ElectionRepository(ctx.db);
  const policies = new PolicyInForce(ctx.db);
  const levels = new LevelKeeper(ctx, threats, elections, policies);
  return { levels, assessment: new AssessmentService(ctx, threats, elections, policies, levels) };
}
