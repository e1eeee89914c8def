import { describe, expect, it } from 'vitest';
import { tokenize, words } from '../../../src/main/drafting/text/normalize';
import { frenchTypography } from '../../../src/main/drafting/text/french-typography';
import { xmlSafe } from '../../../src/main/drafting/text/sanitize';

describe('tokenize', () => {
  it('folds case, accents and compatibility forms, keeping each word’s place', () => {
    const text = 'Élection ＳＥＣＲＥＴ ﬁle 𝐯𝐨𝐭𝐞';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['election', 'secret', 'file', 'vote']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Élection',
      'ＳＥＣＲＥＴ',
      'ﬁle',
      '𝐯𝐨𝐭𝐞',
    ]);
  });

  it('reads Cyrillic and Greek look-alikes as Latin letters', () => {
    expect(words('ѕесrеt ΡΑΡΕR')).toEqual(['secret', 'paper']);
  });

  it('drops invisible characters inside a word without splitting it', () => {
    expect(words('sec\u200Bret do\u00ADcu\u2060ment \u202Eballot\u202C e\u0301lection')).toEqual([
      'secret',
      'document',
      'ballot',
      'election',
    ]);
  });

  it('splits on punctuation and spacing of any kind', () => {
    expect(words('mail-in\u00A0ballots,posted…after')).toEqual(['mail', 'in', 'ballots', 'posted', 'after']);
  });
});

describe('frenchTypography', () => {
  it('puts no-break spaces before : ; ! ? (France) and inside guillemets, and leaves times and addresses alone', () => {
    const out = frenchTypography(
      'Attention: "votez par texto"! Vrai? Oui; à 9:30, https://example.org/a?b=1 le 17 mai à 20 h.',
      'fr-FR',
    );
    expect(out).toBe(
      'Attention\u00A0: «\u00A0votez par texto\u00A0»\u202F! Vrai\u202F? Oui\u202F; à 9:30, ' +
        'https://example.org/a?b=1 le 17\u00A0mai à 20\u00A0h.',
    );
    expect(frenchTypography(out, 'fr-FR')).toBe(out);
    expect(frenchTypography("l'élection")).toBe('l’élection');
  });

  it('in Canadian French, puts no space before ; ! ? and a no-break space before the colon', () => {
    const out = frenchTypography('Attention : vrai ? Oui ; non !', 'fr-CA');
    expect(out).toBe('Attention\u00A0: vrai? Oui; non!');
    expect(frenchTypography(out, 'fr-CA')).toBe(out);
  });

  it('puts a small letter after a colon, unless a proper noun follows', () => {
    expect(frenchTypography('Rappelons-le : Les bulletins sont comptés.')).toBe(
      'Rappelons-le\u00A0: les bulletins sont comptés.',
    );
    expect(frenchTypography('Porte-parole : Élections Lakeshore.')).toBe(
      'Porte-parole\u00A0: Élections Lakeshore.',
    );
    expect(frenchTypography('Elle dit : « Les bulletins »')).toBe(
      'Elle dit\u00A0: «\u00A0Les bulletins\u00A0»',
    );
    // Determiners and pronouns that start a fact ("Toute personne…", "Seul le personnel…").
    for (const [word, small] of [
      ['Toute', 'toute'],
      ['Seul', 'seul'],
      ['Ni', 'ni'],
      ['Lors', 'lors'],
    ])
      expect(frenchTypography(`Rappelons-le : ${word} personne inscrite peut voter.`)).toBe(
        `Rappelons-le\u00A0: ${small} personne inscrite peut voter.`,
      );
  });
});

describe('xmlSafe', () => {
  it('removes what XML forbids and what could hide text, and keeps the rest', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\u202Eg\u200Bh\u0085i\tj\nk 🗳 <&>')).toBe(
      'abcdefghi\tj\nk 🗳 <&>',
    );
  });
});
