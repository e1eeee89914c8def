// French typography in the drafting messages and screens (fr-CA, as the drafts are written): a no-break
// space before a colon and inside « guillemets », so that "Erreurs : 0" or "Caractères : 186" never breaks
// before its colon; no space before ; ! ? in Canadian French.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGS } from '../../src/shared/i18n/catalogs';

const RENDERER_FR = path.resolve(__dirname, '../../src/renderer/i18n/fr');
/** Every string of a catalog, with its key, without its {{interpolations}} (their formats hold colons). */
function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value.replace(/\{\{[^}]*\}\}/g, 'X')]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  return [];
}

const catalogs: [string, unknown][] = [
  ...Object.entries(MESSAGE_CATALOGS.fr ?? {}).map(([ns, c]) => [`shared ${ns}`, c] as [string, unknown]),
  ...['drafting', 'organisation', 'sync'].map(
    (ns) =>
      [`renderer ${ns}`, JSON.parse(fs.readFileSync(path.join(RENDERER_FR, `${ns}.json`), 'utf8'))] as [
        string,
        unknown,
      ],
  ),
];

describe('French catalogs of drafting', () => {
  it.each(catalogs)('%s: no-break spaces before colons and inside guillemets', (_name, catalog) => {
    const bad = strings(catalog).filter(([, s]) =>
      / :|« | »|[^\u00A0]:\s/.test(s.replace(/https?:\/\//g, '')),
    );
    expect(bad).toEqual([]);
  });

  it.each(catalogs)('%s: no space before ; ! ? (Canadian French)', (_name, catalog) => {
    // The organisation settings' own hint names the rule: "pas d’espace avant ; ! ?".
    const bad = strings(catalog).filter(([k, s]) => k !== 'hints.variety' && /[ \u00A0\u202F][;!?]/.test(s));
    expect(bad).toEqual([]);
  });
});
