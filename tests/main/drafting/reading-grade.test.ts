import { describe, expect, it } from 'vitest';
import { frenchSyllables, readingGrade, textStats } from '../../../src/main/drafting';

describe('frenchSyllables', () => {
  it.each([
    ['vote', 1],
    ['votes', 1],
    ['le', 1],
    ['les', 1],
    ['scrutin', 2],
    ['bureau', 2],
    ['bureaux', 2],
    ['publique', 2],
    ['quatre', 1],
    ['élection', 3],
    ['électeurs', 3],
    ['information', 4],
    ['gouvernement', 4],
    ['Noël', 2],
    ['naïf', 2],
    ['créé', 2],
    ['théâtre', 2],
    ['aujourd’hui', 3],
    ['l’élection', 3],
    ['oblitérés', 4],
    ['1-800', 1],
  ])('%s has %i', (word, n) => {
    expect(frenchSyllables(word)).toBe(n);
  });
});

describe('readingGrade', () => {
  it('uses Flesch-Kincaid in English: words per sentence and syllables per word', () => {
    const text = 'The cat sat on the mat. The dog ran to the park.';
    expect(textStats(text, 'en')).toEqual({ sentences: 2, words: 12, syllables: 12 });
    // 0.39 × 6 + 11.8 × 1 − 15.59 < 0
    expect(readingGrade(text, 'en')).toBe(0);
    // 19 words, 32 syllables, one sentence: 0.39 × 19 + 11.8 × 32 / 19 − 15.59 = 11.69
    const one =
      'Mail-in ballots postmarked on or before polling day and received by the election ' +
      'authority within one week are counted.';
    expect(textStats(one, 'en')).toEqual({ sentences: 1, words: 19, syllables: 32 });
    expect(readingGrade(one, 'en')).toBe(11.7);
  });

  it('uses Kandel & Moles in French, mapped to Flesch’s grade table', () => {
    const easy = 'Vous pouvez voter par la poste. Nous comptons votre bulletin.';
    const hard =
      'Nonobstant les considérations susmentionnées, les autorités administratives ont déterminé ' +
      'que des procédures supplémentaires seront systématiquement appliquées.';
    expect(readingGrade(easy, 'fr')).toBeLessThan(8);
    expect(readingGrade(hard, 'fr')).toBeGreaterThan(12);
    expect(textStats(easy, 'fr')).toEqual({ sentences: 2, words: 10, syllables: expect.any(Number) });
  });

  it('rises with longer sentences and longer words', () => {
    const short = 'We count every vote. We check every ballot. You can trust the result.';
    const long =
      'We carefully count every single vote and we meticulously verify every ballot so that ' +
      'everybody can confidently trust the announced result.';
    expect(readingGrade(long, 'en')).toBeGreaterThan(readingGrade(short, 'en'));
  });

  it('is 0 for text without words, and reads list lines as sentences', () => {
    expect(readingGrade('', 'en')).toBe(0);
    expect(readingGrade('— … !', 'fr')).toBe(0);
    expect(textStats('Call us\nVisit our website', 'en').sentences).toBe(2);
  });
});
