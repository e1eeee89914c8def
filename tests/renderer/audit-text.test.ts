// The audit log in words: every action the services write has a name in both languages, and details read as
// labelled fields, never as raw JSON.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionName, detailValue } from '../../src/renderer/screens/audit/audit-text';
import { frenchResource } from '../../src/renderer/i18n/french-punctuation';
import { REPO_ROOT } from '../helpers/db';

const catalog = (lang: string, ns: string) =>
  JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'src/renderer/i18n', lang, `${ns}.json`), 'utf8'),
  ) as Record<string, unknown>;

/** The action names written as literals in src/main (ctx.record('x.y', …) and the services' wrappers). */
function actionsWritten(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts'))
        for (const m of fs
          .readFileSync(file, 'utf8')
          .matchAll(/(?:record|changed|audit)\(\s*['`]([a-z]+(?:\.[a-z-]+)+)['`]/g))
          found.add(m[1]!);
    }
  };
  walk(path.join(REPO_ROOT, 'src/main'));
  return [...found].sort();
}

const t = (lang: string) => i18next.getFixedT(lang);

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: {
      en: { audit: catalog('en', 'audit'), enums: catalog('en', 'enums') },
      fr: { audit: frenchResource(catalog('fr', 'audit')), enums: frenchResource(catalog('fr', 'enums')) },
    },
    interpolation: { escapeValue: false },
  });
});

describe('audit action names', () => {
  it('finds the actions the services write', () => {
    expect(actionsWritten()).toEqual(
      expect.arrayContaining(['threat.created', 'organisation.profile.saved']),
    );
  });

  it.each(['en', 'fr'])('names every one of them in %s', (lang) => {
    const names = catalog(lang, 'audit').actions as Record<string, string>;
    const missing = actionsWritten().filter((a) => !names[a]);
    expect(missing).toEqual([]);
    expect(actionName('threat.created', t(lang))).toBe(names['threat.created']);
  });
});

describe('audit details', () => {
  it('reads a record as labelled fields in the interface language, not JSON', () => {
    const value = { created: 13, updated: 0, unchanged: 2 };
    expect(detailValue('partners', value, t('en'))).toBe('Added: 13 · Updated: 0 · Unchanged: 2');
    const fr = detailValue('partners', value, t('fr'));
    expect(fr).toMatch(/^\S+\u00A0: 13 · /);
    expect(fr).not.toMatch(/[{}"]/);
  });

  it('reads levels in words and lists of records joined', () => {
    expect(detailValue('level', 'speak-publicly', t('fr'))).toBe('Parler publiquement');
    expect(detailValue('x', [{ count: 1 }, { count: 2 }], t('en'))).toBe('Count: 1; Count: 2');
    expect(detailValue('x', ['a', 'b'], t('en'))).toBe('a, b');
  });

  it('writes a moment as the interface writes dates, not as an ISO stamp', () => {
    const en = detailValue('asOf', '2026-12-01T16:18:41.499Z', t('en'));
    const fr = detailValue('asOf', '2026-12-01T16:18:41.499Z', t('fr'));
    expect(en).toMatch(/2026/);
    expect(en).not.toMatch(/T16:18/);
    expect(fr).toMatch(/déc\. 2026/);
  });
});
