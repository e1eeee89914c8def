// Fresh databases for the benchmark, opened exactly as the app opens them, and the services over them,
// called through the dispatcher as a signed-in person with every role (the session check included).
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../src/main/db/connection';
import { createContext, createServices } from '../../src/main/services';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher';
import { newSigningKeyPair } from '../../src/main/crypto/credentials';
import { ROLES } from '../../src/shared/domain/accounts';
import { roleFor } from '../../src/shared/domain/permissions';
import { CHANNEL_ACCESS } from '../../src/shared/ipc/access';
import type { Acting } from '../../src/main/scope';
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

const benchSigner = newSigningKeyPair().privateKey;

/** The one person the benchmark acts as: every role, a signing key (audit entries are signed). */
function benchActing(role: Acting['role'] = null): Acting {
  return {
    accountId: 'acct-0000000000bench',
    name: 'Benchmark',
    roles: [...ROLES],
    signer: benchSigner,
    role,
  };
}

/**
 * A service context acting as the benchmark's person, as a signed-in session would; `'scoped'` leaves
 * who is acting to the call's scope, as the dispatcher sets it.
 */
export function contextFor(db: Db, file: string, acting: 'bench' | 'scoped' = 'bench'): ServiceContext {
  return createContext(db, {
    dbPath: file,
    assetsDir: path.resolve('assets'),
    mode: 'cli',
    appVersion: 'bench',
    ...(acting === 'bench' ? { acting: () => benchActing() } : {}),
  });
}

export { closeDatabase };

/** The dispatcher every entry point uses, acting as one signed-in person who holds every role. */
export function dispatcherFor(db: Db, file: string): Dispatch {
  const ctx = contextFor(db, file, 'scoped');
  const { handlers } = createServices(ctx, {
    keySlots: { add: () => undefined, remove: () => undefined },
    sessions: { updateRoles: () => undefined, endFor: () => undefined },
  });
  return createDispatcher(handlers as Parameters<typeof createDispatcher>[0], {
    gate: (channel): Acting => {
      const access = CHANNEL_ACCESS[channel];
      return benchActing(
        access.includes('.') ? roleFor([...ROLES], access as Parameters<typeof roleFor>[1]) : null,
      );
    },
  });
}

/** The services a figure drives directly, built as services.ts builds them. */
export function servicesFor(ctx: ServiceContext): { levels: LevelKeeper; assessment: AssessmentService } {
  const threats = new ThreatStore(ctx.db);
  const elections = new ElectionRepository(ctx.db);
  const policies = new PolicyInForce(ctx.db);
  const levels = new LevelKeeper(ctx, threats, elections, policies);
  const noFreshSignatures = () => Promise.reject(new Error('the benchmark signs no decision'));
  return {
    levels,
    assessment: new AssessmentService(ctx, threats, elections, policies, levels, noFreshSignatures),
  };
}
