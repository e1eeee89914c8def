// Validation messages an official can read: "is required", "must be one of low, moderate, high".
// Installed once for every zod schema (imports, IPC requests, forms); schemas' own messages win.
import { z } from 'zod';

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'other text' : `"${value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a finite number';
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function readableIssue(issue: {
  code?: string;
  expected?: string;
  values?: readonly unknown[];
  input?: unknown;
  keys?: string[];
}): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${KIND[issue.expected ?? ''] ?? issue.expected}, not ${describe(issue.input)}`;
    case 'invalid_value':
      if (issue.values && issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of ${(issue.values ?? []).map((v) => String(v)).join(', ')}${issue.input !== undefined ? ` (found ${describe(issue.input)})` : ''}`;
    case 'unrecognized_keys':
      return `has a field that is not allowed here: ${(issue.keys ?? []).join(', ')}`;
    default:
      return undefined;
  }
}

z.config({ customError: (issue) => readableIssue(issue as Parameters<typeof readableIssue>[0]) });
