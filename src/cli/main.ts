// `threshold`: the same services as the desktop app, from a terminal.
// Global --db may come before or after the command; THRESHOLD_DB is the fallback,
// then the desktop app's own database file.
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { busyError, isBusyError } from '../main/concurrency/busy';
import { errorText } from '../shared/i18n/error-text';
import { defaultDbPath, appVersion } from '../main/paths';
import type { Command } from './command';
import { EXIT, REFUSAL_CODES, UsageError, processIo, type CliIo } from './io';
import { cliTranslator, isCliLanguage, languageFromEnv } from './i18n';
import { openSession, type CliSession } from './session';
import { COMMANDS } from './commands';
import { escapeJsonText, visibleLine, visibleText } from './terminal-text';

type GlobalOption = 'db' | 'user' | 'lang';
const GLOBAL_OPTIONS: readonly GlobalOption[] = ['db', 'user', 'lang'];
const GLOBAL_VALUE: Record<GlobalOption, string> = { db: 'a file path', user: 'a name', lang: 'en or fr' };

/** The global options, which may come before or after the command: --db FILE, --user NAME, --lang en|fr. */
function extractGlobals(argv: string[]): Record<GlobalOption, string | undefined> & { rest: string[] } {
  const rest: string[] = [];
  const found: Record<GlobalOption, string | undefined> = { db: undefined, user: undefined, lang: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = GLOBAL_OPTIONS.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) {
      rest.push(arg);
      continue;
    }
    if (arg.includes('=')) {
      found[name] = arg.slice(name.length + 3);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs ${GLOBAL_VALUE[name]}`);
      found[name] = value;
      i++;
    }
  }
  return { ...found, rest };
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Threshold: record threats to an election, check them against the intervention threshold, ' +
      'draft what to say.',
    '',
    'Usage: threshold [--db FILE] [--user NAME] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    "  --db FILE    the database (default: $THRESHOLD_DB, else the desktop app's own file)",
    '  --user NAME  who you are (default: $THRESHOLD_USER); every command that reads or writes acts as',
    '               that account, signed in with $THRESHOLD_PASSPHRASE (on a terminal, Threshold asks)',
    '  --lang en|fr the language of messages (default: $THRESHOLD_LANG, else the locale, else English)',
    '  THRESHOLD_DB_KEY  the database key (64 hex digits; `threshold db key` shows it to administrators):',
    "               opens the database without anyone's slot; people still sign in",
    '  --help       this help; `threshold <command> --help` for a command',
    '  --version    the version',
  ].join('\n');
}

export async function main(argv: string[], terminal: CliIo = processIo): Promise<number> {
  // Everything printed is text, never a command to the terminal (terminal-text.ts).
  const { progress, promptSecret, confirm } = terminal;
  const io: CliIo = {
    ...terminal,
    out: (text) => terminal.out(visibleText(text)),
    err: (text) => terminal.err(visibleText(text)),
    ...(progress
      ? { progress: (line: string | null) => progress(line === null ? null : visibleLine(line)) }
      : {}),
    ...(promptSecret ? { promptSecret: (question: string) => promptSecret(visibleLine(question)) } : {}),
    ...(confirm ? { confirm: (question: string) => confirm(visibleLine(question)) } : {}),
  };
  let session: Promise<CliSession> | undefined;
  // Refusals are said in the language of messages (--lang, once it is read; the environment before).
  let refusals = cliTranslator(languageFromEnv(io.env));
  try {
    const globals = extractGlobals(argv);
    const { db, user, rest } = globals;
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
    refusals = i18n;
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
      writeFile: (content, kind) =>
        terminal.out(
          kind === 'json' ? escapeJsonText(content) : terminal.outIsTerminal ? visibleText(content) : content,
        ),
      dbPath,
      user,
      session: () =>
        (session ??= openSession(dbPath, {
          env: io.env,
          user,
          ...(io.promptSecret ? { promptSecret: io.promptSecret } : {}),
        })),
    });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`threshold: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof AppError) {
      io.err(`threshold: ${errorText(refusals.t, err)}`);
      for (const p of err.problems ?? []) io.err(`  ${p.where}: ${p.message}`);
      return REFUSAL_CODES.has(err.code) ? EXIT.refused : EXIT.error;
    }
    // Another program held the write lock for longer than the busy timeout: say so, not a stack trace.
    if (isBusyError(err)) {
      io.err(`threshold: ${errorText(refusals.t, busyError())}`);
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
    await session?.then(
      (s) => s.close(),
      () => undefined,
    );
  }
}
