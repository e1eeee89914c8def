// The intervention policy in force, and every version saved before it.
import type { ProblemLocation } from '../../shared/errors';
import { AppError, listed } from '../../shared/errors';
import { parsePolicy, type Policy } from '../../shared/domain/policy';
import type { Db } from '../db/types';
import { cached } from '../db/statements';
import type { ServiceContext } from '../context';
import { DEFAULT_POLICY } from './default-policy';
import { policyContent } from '../signed/policy';

/** The latest saved policy, or the shipped default (version 1) when none was ever saved. */
export function currentPolicy(db: Db): Policy {
  const row = cached(db, 'SELECT doc FROM policies ORDER BY version DESC LIMIT 1').get() as
    { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Policy) : DEFAULT_POLICY;
}

/** The version of the policy in force. */
export function latestPolicyVersion(db: Db): number {
  return (
    (cached(db, 'SELECT max(version) FROM policies').pluck().get() as number | null) ?? DEFAULT_POLICY.version
  );
}

export function policyAtVersion(db: Db, version: number): Policy | undefined {
  const row = cached(db, 'SELECT doc FROM policies WHERE version = ?').get(version) as
    { doc: string } | undefined;
  if (row) return JSON.parse(row.doc) as Policy;
  return version === DEFAULT_POLICY.version ? DEFAULT_POLICY : undefined;
}

export function listPolicyVersions(
  db: Db,
): { version: number; savedAt: string; savedBy: string | null; note: string | null }[] {
  return cached(
    db,
    'SELECT version, saved_at AS savedAt, saved_by AS savedBy, note FROM policies ORDER BY version DESC',
  ).all() as {
    version: number;
    savedAt: string;
    savedBy: string | null;
    note: string | null;
  }[];
}

/** Who saved each policy version, in what role, oldest first (the after-action report's policy changes). */
export function policyChangeLog(db: Db): {
  version: number;
  savedAt: string;
  savedBy: string | null;
  savedRole: string | null;
  note: string | null;
}[] {
  return cached(
    db,
    'SELECT version, saved_at AS savedAt, saved_by AS savedBy, saved_role AS savedRole, note FROM policies ORDER BY version',
  ).all() as {
    version: number;
    savedAt: string;
    savedBy: string | null;
    savedRole: string | null;
    note: string | null;
  }[];
}

/** The policy in force, parsed once per saved version (so that it is compiled once too). */
export class PolicyInForce {
  private cache: Policy | null = null;

  constructor(private readonly db: Db) {}

  get(): Policy {
    if (this.cache?.version !== latestPolicyVersion(this.db)) this.cache = currentPolicy(this.db);
    return this.cache;
  }
}

/** A policy refused by validation, with its reasons located (where, what, the values a message needs). */
export function policyInvalid(
  intro: 'assessment/edited-policy-invalid' | 'assessment/policy-refused',
  refused: { errors: readonly string[]; problems: readonly ProblemLocation[] },
): AppError {
  const { errors } = refused;
  return new AppError('policy-invalid', { id: intro, params: { reasons: listed(errors) } }, [
    ...refused.problems.slice(0, 50),
  ]);
}

/**
 * Validates and saves a policy as the next version (whatever version the file claims), in one
 * transaction with its audit entry. A bad policy is refused with its reasons; the current stays.
 */
export function savePolicy(ctx: ServiceContext, input: unknown, note?: string): Policy {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw policyInvalid('assessment/policy-refused', parsed);
  return ctx.db.transaction(() => {
    const previous = currentPolicy(ctx.db);
    const policy: Policy = { ...parsed.policy, version: latestPolicyVersion(ctx.db) + 1 };
    const who = ctx.require('policy.change');
    const savedAt = ctx.clock().toISOString();
    // Signed as stored: the document is read back as JSON, so the hash is of exactly what was kept.
    const doc = JSON.stringify(policy);
    const signed = ctx.sign(
      policyContent({ version: policy.version, doc: JSON.parse(doc), accountId: who.accountId, savedAt }),
    );
    cached(
      ctx.db,
      'INSERT INTO policies (version, doc, saved_at, saved_by, saved_role, note, account_id, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      policy.version,
      doc,
      savedAt,
      who.name,
      who.role,
      note ?? null,
      who.accountId,
      signed.contentHash,
      signed.signature,
    );
    ctx.record('policy.changed', 'policy', {
      from: previous.version,
      to: policy.version,
      thresholds: policy.thresholds,
      note: note ?? null,
      contentHash: signed.contentHash,
      signature: signed.signature,
    });
    return policy;
  })();
}
