// App-wide handlers: information about this installation, and who is acting.
import type { HandlersOf } from '../../shared/ipc/define';
import type { appContract } from '../../shared/ipc/app.contract';
import type { ServiceContext } from '../context';
import { schemaVersion } from '../db/connection';
import { ElectionRepository } from '../elections/repository';
import { ThreatStore } from '../threats/store';

export const IDENTITY_KEY = 'identity';

export function appHandlers(ctx: ServiceContext): HandlersOf<typeof appContract> {
  const threats = new ThreatStore(ctx.db);
  const elections = new ElectionRepository(ctx.db);
  return {
    'app:info': () => {
      const t = threats.count();
      const e = elections.count();
      return {
        version: ctx.appVersion,
        dbPath: ctx.dbPath,
        schemaVersion: schemaVersion(ctx.db),
        threats: t,
        elections: e,
        empty: t === 0 && e === 0,
        identity: ctx.actor(),
        mode: ctx.mode === 'electron' ? 'electron' : 'browser',
      };
    },
    'app:setIdentity': ({ identity }) =>
      ctx.db.transaction(() => {
        ctx.settings.set(IDENTITY_KEY, identity);
        // Recorded as the person who now says who they are.
        ctx.record('identity.set', 'identity', {}, { onBehalfOf: identity });
        return identity;
      })(),
  };
}
