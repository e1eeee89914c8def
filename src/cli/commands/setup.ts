// `threshold setup`: the first run, from the command line. Creates the organisation and its first
// administrator (every role), encrypts the database with a new random key (an earlier version's plain
// database is encrypted in place, after a plain copy is kept), and prints the recovery key, once.
import path from 'node:path';
import type { SetupReport } from '../../shared/domain/session';
import { AppError, unwrap } from '../../shared/errors';
import { type Command, flag, JSON_OPTION, text } from '../command';
import { json } from '../format';
import { omit } from '../../shared/collections';
import { UsageError, type CliIo } from '../io';
import { AppHost } from '../../main/app-host';
import { CLI_CALLER, cliHostOptions, PASSPHRASE_ENV } from '../session';

const USAGE = `threshold setup --org-name NAME [--org-name-fr NAME] --admin NAME [--sample] [--json]
       threshold --user NAME setup --discard-plain-backup

  --org-name      the organisation's name in English (as used in a sentence: "Elections Lakeshore")
  --org-name-fr   its name in French
  --admin         the first administrator's name; they hold every role. Their passphrase comes from
                  ${PASSPHRASE_ENV} (or is asked twice on a terminal) and must be strong
  --sample        load the sample workspace too
  --discard-plain-backup  destroy the unencrypted copy kept when an earlier version's database was
                  encrypted (an administrator, once they have checked that all is well)

The recovery key is printed once: write it down and keep it offline. It opens the database if every
passphrase is lost.`;

/** The new administrator's passphrase: THRESHOLD_PASSPHRASE, or typed twice on a terminal. */
function newPassphrase(io: CliIo, name: string): string {
  const given = io.env[PASSPHRASE_ENV];
  if (given) return given;
  const first = io.promptSecret?.(`New passphrase for ${name}: `) ?? null;
  if (first === null)
    throw new UsageError(`give ${name}'s passphrase: set ${PASSPHRASE_ENV}, or run this on a terminal`);
  const again = io.promptSecret?.('The same passphrase again: ') ?? null;
  if (again !== first) throw new AppError('invalid-request', { id: 'cli/passphrases-differ-nothing-set-up' });
  return first;
}

export const setupCommand: Command = {
  name: 'setup',
  summary: 'Set Threshold up: the organisation, its first administrator, encryption; prints the recovery key',
  usage: USAGE,
  options: {
    'org-name': { type: 'string' },
    'org-name-fr': { type: 'string' },
    admin: { type: 'string' },
    sample: { type: 'boolean' },
    ...JSON_OPTION,
    'discard-plain-backup': { type: 'boolean' },
  },
  async run({ positionals, values, io, dbPath, session }) {
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\nUsage: ${USAGE}`);
    if (flag(values, 'discard-plain-backup')) {
      const s = await session();
      const { removed } = await unwrap(s.api.setup.discardPlainBackup({ confirm: true }));
      io.out(
        removed ? `Destroyed the unencrypted copy ${removed}.` : 'There is no unencrypted copy to destroy.',
      );
      return 0;
    }
    const orgName = text(values, 'org-name');
    const admin = text(values, 'admin');
    if (!orgName || !admin) throw new UsageError(`--org-name and --admin are required\nUsage: ${USAGE}`);
    const host = AppHost.open(cliHostOptions(dbPath, io.env));
    try {
      if (host.databaseState() !== 'needs-setup')
        throw new AppError('conflict', {
          id: 'cli/already-set-up-sign',
          params: { file: path.resolve(dbPath) },
        });
      const report = (await unwrap(
        host.dispatch(
          'setup:run',
          {
            organisation: { name: { en: orgName, fr: text(values, 'org-name-fr') ?? '' } },
            administrator: { name: admin, passphrase: newPassphrase(io, admin) },
            sample: flag(values, 'sample'),
          },
          CLI_CALLER,
        ),
      )) as SetupReport;
      if (values.json) {
        io.out(json(omit(report, 'status')));
      } else {
        io.out(
          [
            `Set up ${orgName} in ${host.dbPath}, encrypted with a new random key.`,
            `Administrator: ${report.administrator.name} (every role; key ${report.administrator.keyFingerprint}).`,
            ...(report.sampleLoaded ? ['Loaded the sample workspace.'] : []),
            '',
            'Recovery key (shown once: write it down and keep it offline; it opens the database if every passphrase is lost):',
            `  ${report.recoveryKey}`,
          ].join('\n'),
        );
      }
      if (report.plainBackup) {
        const where = path.join(path.dirname(host.dbPath), 'backups', report.plainBackup);
        io.err(
          `The database was not encrypted before: an unencrypted copy of it was kept at ${where}. It holds everything in clear.`,
        );
        const destroy =
          io.confirm?.('Destroy the unencrypted copy now (check first that all is well)?') ?? null;
        if (destroy) {
          await unwrap(host.dispatch('setup:discardPlainBackup', { confirm: true }, CLI_CALLER));
          io.err('Destroyed the unencrypted copy.');
        } else
          io.err(
            `Once you have checked that all is well, destroy it: threshold --user "${admin}" setup --discard-plain-backup`,
          );
      }
      return 0;
    } finally {
      host.close();
    }
  },
};
