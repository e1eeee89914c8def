// The interface is whole in both languages: every string in English has its French (renderer namespaces
// and the engine's shared catalogue), none is left empty, plurals come in pairs; French strings get French
// punctuation as they load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchPunctuation, frenchResource } from '../../src/renderer/i18n/french-punctuation';
import { REPO_ROOT } from '../helpers/db';

const DIRS = ['src/renderer/i18n', 'src/shared/i18n'];

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
  }
  return out;
}

const namespaces = DIRS.flatMap((dir) =>
  fs
    .readdirSync(path.join(REPO_ROOT, dir, 'en'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ dir, ns: f.replace(/\.json$/, '') })),
);
const load = (dir: string, lang: string, ns: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, dir, lang, `${ns}.json`), 'utf8')) as never);

describe.each(namespaces)('$dir/$ns', ({ dir, ns }) => {
  const en = load(dir, 'en', ns);
  const fr = load(dir, 'fr', ns);

  it('has the same keys in English and French, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries({ ...en, ...fr })) expect(v.trim().length, k).toBeGreaterThan(0);
  });

  it('has both plural forms wherever one is used', () => {
    for (const lang of [en, fr])
      for (const k of Object.keys(lang).filter((x) => /_(one|other)$/.test(x))) {
        const base = k.replace(/_(one|other)$/, '');
        expect(lang, k).toHaveProperty([`${base}_one`]);
        expect(lang, k).toHaveProperty([`${base}_other`]);
      }
  });

  it('reads with French punctuation once loaded (Canadian): a no-break space before : and inside « », none before ; ! ?', () => {
    for (const [k, v] of Object.entries(frenchResource(fr))) {
      expect(v, k).not.toMatch(/ [:»]|« /);
      expect(v, k).not.toMatch(/[ \u00A0\u202F][;!?](\s|$)/u);
    }
  });
});

describe('French punctuation', () => {
  it('puts a no-break space before the colon and inside « », and none before ; ! ? (Canadian usage)', () => {
    expect(frenchPunctuation('Objectif : que cherche-t-on à obtenir ?')).toBe(
      'Objectif\u00A0: que cherche-t-on à obtenir?',
    );
    expect(frenchPunctuation('Qui utilise Threshold ?')).toBe('Qui utilise Threshold?');
    expect(frenchPunctuation('« Parler »')).toBe('«\u00A0Parler\u00A0»');
    expect(frenchPunctuation('{{a}} ; {{b}}')).toBe('{{a}}; {{b}}');
  });

  it('leaves times, addresses and placeholders alone, and is idempotent', () => {
    const text = 'À 9:30, voir https://elections.example.org?x=1 pour {{label}} : {{value}}.';
    const once = frenchPunctuation(text);
    expect(once).toContain('9:30');
    expect(once).toContain('https://elections.example.org?x=1');
    expect(once).toContain('{{label}}\u00A0: {{value}}');
    expect(frenchPunctuation(once)).toBe(once);
  });
});
