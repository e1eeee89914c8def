// App-wide handlers: information about this installation, and who is signed in.
import type { HandlersOf } from '../../shared/ipc/define';
import type { appContract } from '../../shared/ipc/app.contract';
import type { ServiceContext } from '../context';
import { schemaVersion } from '../db/connection';
import { ElectionRepository } from '../elections/repository';
import { ThreatStore } from '../threats/store';

export function appHandlers(ctx: ServiceContext): HandlersOf<typeof appContract> {
  const threats = new ThreatStore(ctx.db);
  const elections = new ElectionRepository(ctx.db);
  return {
    'app:info': () => {
      const t = threats.count();
      const e = elections.count();
      const who = ctx.acting();
      return {
        version: ctx.appVersion,
        dbPath: ctx.dbPath,
        schemaVersion: schemaVersion(ctx.db),
        threats: t,
        elections: e,
        empty: t === 0 && e === 0,
        identity: who ? { name: who.name, role: who.roles.join(', ') } : null,
        mode: ctx.mode === 'electron' ? 'electron' : 'browser',
      };
    },
  };
}
