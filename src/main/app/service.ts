// App-wide handlers: information about this installation, who is acting, the audit log.
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { appContract } from '../../shared/ipc/app.contract';
import type { ServiceContext } from '../context';
import { schemaVersion } from '../db/connection';
import { ElectionRepository } from '../elections/repository';
import { ThreatRepository } from '../threats/repository';

export function appHandlers(ctx: ServiceContext): HandlersOf<typeof appContract> {
  const threats = new ThreatRepository(ctx.db);
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
        identity: ctx.identity(),
        mode: ctx.mode === 'electron' ? 'electron' : 'browser',
      };
    },
    'app:setIdentity': ({ identity }) =>
      ctx.db.transaction(() => {
        ctx.settings.set('identity', identity);
        ctx.audit.append({
          action: 'identity.set',
          subject: 'identity',
          actor: identity.name,
          role: identity.role,
          details: {},
        });
        return identity;
      })(),
    'audit:list': (q) => ({ entries: ctx.audit.list(q).map(({ prevHash: _p, ...e }) => e) }),
    'audit:verify': () => ctx.audit.verify(),
    'files:save': () => {
      throw new AppError(
        'unsupported',
        'Saving through a dialog needs the desktop app; the browser downloads the file instead.',
      );
    },
    'files:open': () => {
      throw new AppError(
        'unsupported',
        'Opening through a dialog needs the desktop app; the browser chooses the file in the page instead.',
      );
    },
  };
}
