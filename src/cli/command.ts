import type { ParseArgsConfig } from 'node:util';
import type { CliTranslator } from './i18n';
import type { CliIo } from './io';
import type { CliSession } from './session';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandRun {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  io: CliIo;
  /** Renders the core's messages in the person's language (--lang). */
  i18n: CliTranslator;
  dbPath: string;
  /** Opens the database (once) for commands that need it. */
  session(): CliSession;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(run: CommandRun): Promise<number>;
}
