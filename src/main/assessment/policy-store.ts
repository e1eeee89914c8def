// The intervention policy in force, and every version saved before it.
import { AppError } from '../../shared/errors';
import { parsePolicy, type Policy } from '../../shared/domain/policy';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import type { ServiceContext } from '../context';
import { DEFAULT_POLICY } from './default-policy';

/** The latest saved policy, or the shipped default (version 1) when none was ever saved. */
export function currentPolicy(db: Db): Policy {
  const row = cached(db, 'SELECT doc FROM policies ORDER BY version DESC LIMIT 1').get() as
    { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Policy) : DEFAULT_POLICY;
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

/**
 * Validates and saves a policy as the next version (whatever version the file claims), in one
 * transaction with its audit entry. A bad policy is refused with its reasons; the current stays.
 */
export function savePolicy(ctx: ServiceContext, input: unknown, note?: string): Policy {
  const parsed = parsePolicy(input);
  if (!parsed.ok) {
    throw new AppError(
      'policy-invalid',
      `The policy was refused and the current one stays in force: ${parsed.errors.slice(0, 5).join('; ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}.`,
      parsed.problems.slice(0, 50),
    );
  }
  return ctx.db.transaction(() => {
    const previous = currentPolicy(ctx.db);
    const latest =
      (cached(ctx.db, 'SELECT max(version) AS v FROM policies').get() as { v: number | null }).v ??
      DEFAULT_POLICY.version;
    const policy: Policy = { ...parsed.policy, version: latest + 1 };
    const who = ctx.identity();
    cached(
      ctx.db,
      'INSERT INTO policies (version, doc, saved_at, saved_by, saved_role, note) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      policy.version,
      JSON.stringify(policy),
      ctx.clock().toISOString(),
      who?.name ?? null,
      who?.role ?? null,
      note ?? null,
    );
    ctx.audit.append({
      action: 'policy.changed',
      subject: 'policy',
      actor: who?.name,
      role: who?.role,
      details: {
        from: previous.version,
        to: policy.version,
        thresholds: policy.thresholds,
        note: note ?? null,
      },
    });
    return policy;
  })();
}
