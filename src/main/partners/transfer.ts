// Partners in and out of files: the workspace's optional top-level `partners` field (a first-class
// field: validated, stored as partners, exported again as given) and the sample directory.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import { jsonPath } from '../../shared/domain/location';
import { PartnerSchema, PartnersFileSchema, type Partner } from '../../shared/domain/partners';
import type { ImportCounts } from '../../shared/domain/transfer';
import type { ServiceContext } from '../context';
import type { WriteInfo } from '../db/versioned-documents';
import { unchanged } from '../records';
import { PartnerRepository } from './repository';

export const SAMPLE_PARTNERS_FILE = 'sample-partners.json';
/** Set when an imported workspace carried a `partners` field, so an empty list is exported again. */
const FIELD_SEEN_KEY = 'workspace.partnersField';
const MAX_PROBLEMS = 20;

/** Validates a `partners` array from a file; throws a located error (e.g. `$.partners[2].roles[0].primary.email`). */
export function validatePartners(
  value: unknown,
  fileName: string,
  at: readonly (string | number)[] = ['partners'],
): Partner[] {
  const parsed = z.array(PartnerSchema).safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((i) => ({ where: jsonPath([...at, ...i.path]), message: i.message }));
    throw new AppError(
      'import-invalid',
      importRefusal(fileName, problems, parsed.error.issues.length),
      problems,
    );
  }
  const problems: ProblemLocation[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined)
      problems.push({
        where: jsonPath([...at, i, 'id']),
        message: `repeats the id ${p.id} of ${jsonPath([...at, first])}`,
      });
    else seen.set(p.id, i);
  });
  if (problems.length)
    throw new AppError(
      'import-invalid',
      importRefusal(fileName, problems, problems.length),
      problems.slice(0, MAX_PROBLEMS),
    );
  return parsed.data;
}

/** Inserts or updates each partner (keeping history; a deleted one comes back). Call inside a transaction. */
export function upsertPartners(
  ctx: ServiceContext,
  partners: readonly Partner[],
  info: WriteInfo,
): ImportCounts {
  const repo = new PartnerRepository(ctx.db);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const partner of partners) {
    const existing = repo.get(partner.id);
    if (!existing) {
      repo.insert(partner, info);
      counts.created++;
    } else if (existing.meta.deletedAt === null && unchanged(existing.partner, partner)) {
      counts.unchanged++;
    } else {
      repo.update(partner, info);
      if (existing.meta.deletedAt)
        repo.setDeleted(partner.id, false, { ...info, change: 'undeleted by import' });
      counts.updated++;
    }
  }
  return counts;
}

/** Called by the workspace import, inside its transaction. */
export function importWorkspacePartners(
  ctx: ServiceContext,
  partners: readonly Partner[],
  info: WriteInfo,
): ImportCounts {
  ctx.settings.set(FIELD_SEEN_KEY, true);
  return upsertPartners(ctx, partners, info);
}

/** The `partners` field of an exported workspace, or undefined when the workspace has none. */
export function partnersForExport(ctx: ServiceContext): Partner[] | undefined {
  const partners = new PartnerRepository(ctx.db).listInOrder();
  if (partners.length > 0 || ctx.settings.get(FIELD_SEEN_KEY, z.boolean())) return partners;
  return undefined;
}

/** Loads the sample election's partner directory (one transaction, audited). */
export function loadSamplePartners(ctx: ServiceContext): ImportCounts {
  const file = path.join(ctx.assetsDir, SAMPLE_PARTNERS_FILE);
  const data = PartnersFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!data.success)
    throw new AppError('import-invalid', {
      id: 'partners/not-valid',
      params: { SAMPLE_PARTNERS_FILE, value: data.error.issues[0]?.message ?? 'unknown problem' },
    });
  const partners = validatePartners(data.data.partners, SAMPLE_PARTNERS_FILE);
  return ctx.db.transaction(() => {
    const counts = upsertPartners(ctx, partners, ctx.writeInfo('imported (sample)'));
    ctx.record('partners.imported', 'partners', { file: SAMPLE_PARTNERS_FILE, partners: counts });
    return counts;
  })();
}
