// `threshold`: the same services as the desktop app, from a terminal.
// Global --db may come before or after the command; THRESHOLD_DB is the fallback,
// then the desktop app's own database file.
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { defaultDbPath, appVersion } from '../main/paths';
import type { Command } from './command';
import { EXIT, UsageError, processIo, type CliIo } from './io';
import { cliTranslator, isCliLanguage, languageFromEnv } from './i18n';
import { openSession, type CliSession } from './session';
import { COMMANDS } from './commands';

/** The global options, which may come before or after the command: --db FILE and --lang en|fr. */
function extractGlobals(argv: string[]): {
  db: string | undefined;
  lang: string | undefined;
  rest: string[];
} {
  const rest: string[] = [];
  let db: string | undefined;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--db') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--db needs a file path');
      db = value;
      i++;
    } else if (arg.startsWith('--db=')) {
      db = arg.slice(5);
    } else if (arg === '--lang') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--lang needs en or fr');
      lang = value;
      i++;
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice(7);
    } else {
      rest.push(arg);
    }
  }
  return { db, lang, rest };
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Threshold: record threats to an election, check them against the intervention threshold, ' +
      'draft what to say.',
    '',
    'Usage: threshold [--db FILE] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    "  --db FILE    the database (default: $THRESHOLD_DB, else the desktop app's own file)",
    '  --lang en|fr the language of messages (default: $THRESHOLD_LANG, else the locale, else English)',
    '  THRESHOLD_DB_KEY  the key of an encrypted database (64 hex digits, or a passphrase);',
    '               on a terminal Threshold asks for it instead. The desktop app shows its key in Settings.',
    '  --help       this help; `threshold <command> --help` for a command',
    '  --version    the version',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let session: CliSession | undefined;
  try {
    const globals = extractGlobals(argv);
    const { db, rest } = globals;
    // A command with a --lang of its own (the report's languages, "en,fr") takes it; messages then follow
    // the environment.
    const owner = COMMANDS.find((c) => c.name === rest[0] && 'lang' in c.options);
    if (owner && globals.lang !== undefined) rest.push('--lang', globals.lang);
    const lang = owner ? undefined : globals.lang;
    if (lang !== undefined && !isCliLanguage(lang))
      throw new UsageError(
        `--lang is the language of messages: en or fr (got "${lang}"). A draft's languages are --languages.`,
      );
    const i18n = cliTranslator(lang ?? languageFromEnv(io.env));
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(help());
      return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '--version' || name === '-v') {
      io.out(appVersion());
      return EXIT.ok;
    }
    const command: Command | undefined = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}". Run threshold --help for the list.`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\nUsage: ${command.usage}`);
    }
    const dbPath = db ?? defaultDbPath(io.env);
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      io,
      i18n,
      dbPath,
      session: () =>
        (session ??= openSession(dbPath, {
          env: io.env,
          ...(io.promptSecret ? { promptSecret: io.promptSecret } : {}),
        })),
    });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`threshold: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof AppError) {
      io.err(`threshold: ${err.message}`);
      for (const p of err.problems ?? []) io.err(`  ${p.where}: ${p.message}`);
      return EXIT.error;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') {
      io.err(`threshold: ${e.message}`);
      return EXIT.error;
    }
    io.err(`threshold: unexpected error: ${e.stack ?? String(err)}`);
    return EXIT.error;
  } finally {
    session?.close();
  }
}
