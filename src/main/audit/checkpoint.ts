// Checkpoints of the audit log's head: signed by the person who makes one, exported to be kept outside the
// database. What the signature covers is rebuilt here, the same way when it is made and when it is checked.
import { createPublicKey } from 'node:crypto';
import { CHECKPOINT_FORMAT, type AuditCheckpoint } from '../../shared/domain/audit';
import type { ServiceContext } from '../context';

/** What a checkpoint's signature covers (its name is for people, not signed). */
export function checkpointContent(c: Omit<AuditCheckpoint, 'name' | 'publicKey' | 'signature'>): unknown {
  return { format: c.format, seq: c.seq, hash: c.hash, at: c.at, accountId: c.accountId };
}

/** Records that a checkpoint is made, then signs the head that entry leaves, as the acting account. */
export function makeCheckpoint(ctx: ServiceContext): AuditCheckpoint {
  const who = ctx.require('audit.checkpoint');
  if (!who.signer) throw new Error('a signed-in account without its key');
  const signer = who.signer;
  return ctx.db.transaction(() => {
    ctx.record('audit.checkpoint', 'audit', {});
    const head = ctx.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    const base = {
      format: CHECKPOINT_FORMAT,
      seq: head.seq,
      hash: head.hash,
      at: ctx.clock().toISOString(),
      accountId: who.accountId,
    } as const;
    const signed = ctx.sign(checkpointContent(base), signer);
    return {
      ...base,
      name: who.name,
      publicKey: createPublicKey(signer).export({ format: 'jwk' }).x ?? '',
      signature: signed.signature,
    };
  })();
}
