// The audit log's handlers: its latest entries, and a check of the whole chain.
import type { HandlersOf } from '../../shared/ipc/define';
import type { auditContract } from '../../shared/ipc/audit.contract';
import { omit } from '../../shared/collections';
import type { AuditReader } from '../context';

export function auditHandlers(log: AuditReader): HandlersOf<typeof auditContract> {
  return {
    'audit:list': (q) => ({ entries: log.list(q).map((e) => omit(e, 'prevHash')) }),
    'audit:verify': () => log.verify(),
  };
}
