// The audit log's handlers: its latest entries, and a check of the whole chain.
import type { HandlersOf } from '../../shared/ipc/define';
import type { auditContract } from '../../shared/ipc/audit.contract';
import type { AuditReader } from '../context';

export function auditHandlers(log: AuditReader): HandlersOf<typeof auditContract> {
  return {
    'audit:list': (q) => ({ entries: log.list(q).map(({ prevHash: _p, ...e }) => e) }),
    'audit:verify': () => log.verify(),
  };
}
