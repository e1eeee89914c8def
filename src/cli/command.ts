import type { ParseArgsConfig } from 'node:util';
import type { CliTranslator } from './i18n';
import { UsageError, type CliIo } from './io';
import type { CliSession } from './session';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandRun {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** Everything written through it is shown as text (terminal-text.ts). */
  io: CliIo;
  /** Writes a file's content to standard output, exact: JSON with \u escapes for what a terminal could
   *  act on; other text as it is when it goes to a file or a pipe, made visible on a terminal. */
  writeFile(content: string, kind: 'json' | 'text'): void;
  /** Renders the core's messages in the person's language (--lang). */
  i18n: CliTranslator;
  dbPath: string;
  /** --user NAME, if given (else THRESHOLD_USER). */
  user: string | undefined;
  /** Opens the database (once) and signs the person in, for commands that need it. */
  session(): Promise<CliSession>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(run: CommandRun): Promise<number>;
}

/** A string option's value, or undefined when it was not given. */
export function text(values: CommandRun['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Whether a boolean option was given. */
export function flag(values: CommandRun['values'], name: string): boolean {
  return values[name] === true;
}

/** A string option that must be one of `allowed`; a usage error otherwise. */
export function choice<T extends string>(
  values: CommandRun['values'],
  name: string,
  allowed: readonly T[],
): T | undefined {
  const v = text(values, name);
  if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${v}")`);
}

/** Options that mean the same in every command that takes them. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionSpec;
export const AS_OF_OPTION = { 'as-of': { type: 'string' } } as const satisfies OptionSpec;

/** `--out FILE.docx`, required: where a command writes a Word document (read with `docxOut`). */
export const DOCX_OUT_OPTION = { out: { type: 'string', short: 'o' } } as const satisfies OptionSpec;

export function docxOut(values: CommandRun['values']): string {
  const out = text(values, 'out');
  if (!out) throw new UsageError('--out FILE.docx is required');
  if (!/\.docx$/i.test(out)) throw new UsageError('--out must name a .docx file');
  return out;
}
