// One way from a validation problem (the form's own check or the service's answer) to the message beside
// its field, in the person's language: problems carry a path and a code; the text comes from i18next.
import type { TFunction } from 'i18next';
import type { ProblemLocation } from '../../../shared/errors';
import { problemOfIssue, type IssueLike } from '../../../shared/domain/problems';
import { ServiceError } from '../../api/bridge';

export type { ProblemLocation };

/** Problems from a zod result's issues (the form checking itself with the contract's schema). */
export function problemsOfIssues(issues: readonly IssueLike[]): ProblemLocation[] {
  return issues.map((i) => problemOfIssue(i));
}

/** What went wrong, from an error thrown by a service call: its message and its located problems. */
export function failureOf(err: unknown): { message: string; code: string; problems: ProblemLocation[] } {
  if (err instanceof ServiceError)
    return { message: err.message, code: err.shape.code, problems: err.shape.problems ?? [] };
  return { message: err instanceof Error ? err.message : String(err), code: 'internal', problems: [] };
}

/** A problem's message in the interface language (the English one when no translation fits). */
export function problemText(p: ProblemLocation, t: TFunction): string {
  if (!p.code) return p.message;
  const origin = p.params?.origin;
  return t(`validation:${p.code}`, {
    ...p.params,
    ...(typeof origin === 'string' && origin ? { context: origin } : {}),
    defaultValue: p.message,
  });
}

/**
 * The first message for each field: `fieldOf` says which field shows a path (undefined: not a field of
 * this form, so it goes to the summary only). The default field key is the path joined with dots.
 */
export function fieldErrors(
  problems: readonly ProblemLocation[],
  t: TFunction,
  fieldOf: (path: readonly (string | number)[]) => string | undefined = (path) => path.join('.'),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = fieldOf(p.path ?? []);
    if (key !== undefined && !(key in out)) out[key] = problemText(p, t);
  }
  return out;
}
