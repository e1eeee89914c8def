// The audit log's handlers: its latest entries, the whole check, and signed checkpoints of its head.
import type { HandlersOf } from '../../shared/ipc/define';
import type { auditContract } from '../../shared/ipc/audit.contract';
import { omit } from '../../shared/collections';
import type { ServiceContext } from '../context';
import { makeCheckpoint } from './checkpoint';

export function auditHandlers(ctx: ServiceContext): HandlersOf<typeof auditContract> {
  return {
    'audit:list': (q) => ({ entries: ctx.audit.list(q).map((e) => omit(e, 'prevHash')) }),
    'audit:verify': ({ checkpoint }) => ctx.audit.verify({ checkpoint }),
    'audit:checkpoint': () => makeCheckpoint(ctx),
  };
}
