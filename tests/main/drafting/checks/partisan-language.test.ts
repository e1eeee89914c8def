import { describe, expect, it } from 'vitest';
import { checksOf, flagged } from './draft-of';

describe('partisan-language', () => {
  it('flags campaigning and loaded words in English, as warnings', () => {
    const text = 'Vote for change: the corrupt elites and their traitors lied.';
    expect(flagged('partisan-language', text)).toEqual(['Vote for', 'corrupt', 'elites', 'traitors']);
    expect(checksOf('partisan-language', text).every((c) => c.severity === 'warning')).toBe(true);
  });

  it('flags them in French, accents or not', () => {
    expect(
      flagged(
        'partisan-language',
        'Votez pour le changement : ces politiciens véreux et corrompus, des traitres !',
        'fr',
      ),
    ).toEqual(['Votez pour', 'véreux', 'corrompus', 'traitres']);
  });

  it('does not flag neutral text, or words that only contain a loaded one', () => {
    expect(
      checksOf('partisan-language', 'Every eligible voter can vote. Corruption of files is not suspected.'),
    ).toEqual([]);
    expect(
      checksOf('partisan-language', 'Votre vote compte. Les électeurs peuvent voter par la poste.', 'fr'),
    ).toEqual([]);
  });
});
