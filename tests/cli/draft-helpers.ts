// A sample workspace in a temporary database for the `threshold draft` tests, and an in-process CLI runner.
import path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { EMPTY_PROFILE } from '../fixtures/organisation';
import { openTestApp, tempDir } from '../helpers/db';

export const AS_OF = '2027-05-13T12:00:00Z';

export { PROFILE } from '../fixtures/organisation';

/** A database holding the sample workspace (with its organisation profile, unless told otherwise), closed again. */
export async function sampleDb(opts: { profile?: boolean } = {}): Promise<{ dir: string; file: string }> {
  const dir = tempDir('threshold-cli-draft-');
  const app = openTestApp({ file: path.join(dir, 'threshold.db') });
  await app.call('workspace:loadSample');
  if (opts.profile === false) await app.call('profile:set', { profile: EMPTY_PROFILE });
  app.close();
  return { dir, file: app.file };
}

export async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
