// A refusal of the services on the command line is said in the language of messages: with --lang fr, the
// sentence of the same catalog the interface uses, in French; English by default.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { openTestApp, tempDir } from '../helpers/db';

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => err.push(t), env, cwd: tempDir('cli-lang-') };
  const code = await main(argv, io);
  return { code, err: err.join('\n') };
}

describe('a refusal on the command line', () => {
  it('is said in French with --lang fr, and in English without', async () => {
    const dir = tempDir('cli-refusals-');
    const app = await openTestApp({ file: path.join(dir, 'threshold.db'), keep: true });
    const li = await app.person('Li Wei', ['reviewer']);
    app.close();
    const asLi = {
      THRESHOLD_PASSPHRASE: li.passphrase,
      THRESHOLD_NEW_PASSPHRASE: 'orchid-basalt-mirror-teapot-8',
    };
    const addSomeone = [
      '--db',
      app.file,
      '--user',
      'Li Wei',
      'user',
      'add',
      'Sam Okoro',
      '--roles',
      'analyst',
    ];

    const fr = await run(['--lang', 'fr', ...addSomeone], asLi);
    expect(fr.code).toBe(4);
    expect(fr.err).toMatch(
      /^threshold: Li Wei ne peut pas faire cela\u00A0: aucun de ses rôles ne permet «\u00A0[\w.]+\u00A0»\. Rien n’a été modifié\.$/,
    );

    const en = await run(addSomeone, { ...asLi, LANG: 'en_CA.UTF-8' });
    expect(en.code).toBe(4);
    expect(en.err).toMatch(/^threshold: Li Wei may not do this: it needs a role that allows "[\w.]+"/);

    // The language of the locale, when --lang is not given.
    const byLocale = await run(addSomeone, { ...asLi, LANG: 'fr_CA.UTF-8' });
    expect(byLocale.err).toMatch(/^threshold: Li Wei ne peut pas faire cela/);
  });
});
