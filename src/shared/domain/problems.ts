// Validation problems as data: where (a path), what (a code) and the values a message needs, so that the
// interface can say them in the person's language; the English message stays for logs and the CLI.
import type { ProblemLocation } from '../errors';
import { jsonPath } from './location';

/** The parts of a zod issue that a problem is made from. */
export interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  pattern?: string;
  params?: Record<string, unknown>;
}

/** Formats that a regular expression stands for, by the start of its source. */
const PATTERN_CODES: [string, string][] = [
  ['^[0-9]{4}-[0-9]{2}-[0-9]{2}$', 'date'],
  ['^T\\d{4}', 'disarm'],
  ['^\\+?[0-9][0-9 ', 'phone'],
];

function codeAndParams(issue: IssueLike): { code: string; params?: Record<string, string | number> } {
  const size = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? Number(n) : 0);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: issue.expected ?? '' } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: (issue.values ?? []).map(String).join(', ') } };
    case 'too_small':
      return issue.origin === 'string' && size(issue.minimum) <= 1
        ? { code: 'required' }
        : { code: 'too_small', params: { minimum: size(issue.minimum), origin: issue.origin ?? '' } };
    case 'too_big':
      return { code: 'too_big', params: { maximum: size(issue.maximum), origin: issue.origin ?? '' } };
    case 'invalid_format': {
      const source = (issue.pattern ?? '').replace(/^\//, '');
      const byPattern = PATTERN_CODES.find(([start]) => source.startsWith(start))?.[1];
      return { code: byPattern ?? issue.format ?? 'invalid_format' };
    }
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'custom': {
      // A refinement names its message: { params: { id: 'partner.reach' } }.
      const id = issue.params?.id;
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(issue.params ?? {}))
        if (k !== 'id' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
      return typeof id === 'string' ? { code: id, params } : { code: 'custom' };
    }
    default:
      return { code: issue.code ?? 'invalid' };
  }
}

/** One zod issue as a located problem, `at` prefixing its path (e.g. the request field it came in). */
export function problemOfIssue(issue: IssueLike, at: readonly (string | number)[] = []): ProblemLocation {
  const path = [...at, ...(issue.path ?? [])].filter(
    (k): k is string | number => typeof k === 'string' || typeof k === 'number',
  );
  const { code, params } = codeAndParams(issue);
  return {
    where: jsonPath(path),
    message: issue.message || 'is not valid',
    path,
    code,
    ...(params && Object.keys(params).length ? { params } : {}),
  };
}
