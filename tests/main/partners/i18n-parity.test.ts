// The partner directory's, the dashboard's, STIX export's and outcomes' strings exist in English and French, key for key.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/db';

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
  }
  return out;
}

const load = (lang: string, ns: string) =>
  flatten(
    JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, `src/renderer/i18n/${lang}/${ns}.json`), 'utf8'),
    ) as Record<string, unknown>,
  );
/** French plurals use _one for 0 and 1; English the same keys: both files carry _one and _other. */
const base = (k: string) => k.replace(/_(one|other)$/, '');

describe.each(['partners', 'dashboard', 'stix', 'outcomes'])('%s strings', (ns) => {
  const en = load('en', ns);
  const fr = load('fr', ns);

  it('has the same keys in both languages, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries({ ...en, ...fr })) expect(v.trim().length, k).toBeGreaterThan(0);
  });

  it('is translated, with French typography', () => {
    const same = Object.keys(en).filter((k) => en[k] === fr[k] && /[a-z]{4,}\s+[a-z]{3,}/i.test(en[k]!));
    expect(same).toEqual([]);
    for (const [k, v] of Object.entries(fr)) {
      expect(v, k).not.toMatch(/ [:»]|« /); // a plain space before a colon or inside guillemets would break the line there
      expect(v, k).not.toMatch(/'/); // the typographic apostrophe (’)
    }
    // Every key used with a count has both plural forms.
    const plural = new Set(
      Object.keys(en)
        .filter((k) => /_(one|other)$/.test(k))
        .map(base),
    );
    for (const k of plural)
      for (const lang of [en, fr])
        expect(Object.keys(lang)).toEqual(expect.arrayContaining([`${k}_one`, `${k}_other`]));
  });
});
