import { describe, expect, it } from 'vitest';
import { CLASSIFIED_SENTENCE, checkContext, threat } from '../fixtures';
import { checksOf, draftOf, flagged } from './draft-of';
import { runChecks } from '../../../../src/main/drafting';

describe('classified-content', () => {
  it('flags a classified sentence pasted as it is, and only that span', () => {
    const text = `Voters should check the facts. ${CLASSIFIED_SENTENCE} Thank you.`;
    const [c, ...rest] = checksOf('classified-content', text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ severity: 'error', lang: 'en', sectionId: 's0' });
    expect(text.slice(c!.start, c!.end)).toBe(CLASSIFIED_SENTENCE.slice(0, -1));
    expect(c!.message).toContain('SECRET');
    expect(c!.message).not.toContain('Registrar');
  });

  it('flags it with changed punctuation, case and spacing', () => {
    const text = 'REGISTRAR RECORDS, obtained under a production-order; show the handle   changed owners!';
    expect(flagged('classified-content', text)).toEqual([
      'REGISTRAR RECORDS, obtained under a production-order; show the handle   changed owners',
    ]);
  });

  it('flags it hidden by zero-width characters, Cyrillic and Greek look-alikes and full-width letters', () => {
    // "о" and "е" are Cyrillic, "Ρ" is Greek; "ｏｒｄｅｒ" is full-width; U+200B and U+2060 are invisible.
    const text = 'Rеgistrar rеcоrds obta\u200Bined under a pro\u2060duction ｏｒｄｅｒ ΡROVE nothing.';
    expect(flagged('classified-content', text)).toEqual([
      'Rеgistrar rеcоrds obta\u200Bined under a pro\u2060duction ｏｒｄｅｒ',
    ]);
  });

  it('flags a five-word run in the French text too, with accents changed', () => {
    const notes = [
      {
        classification: 'PROTECTED' as const,
        text: 'La source confirme que le réseau est piloté depuis l’étranger.',
      },
    ];
    const ctx = checkContext([threat({ classifiedNotes: notes })]);
    expect(
      flagged(
        'classified-content',
        'Selon nos données, la source confirme que le reseau est PILOTE.',
        'fr',
        ctx,
      ),
    ).toEqual(['la source confirme que le reseau est PILOTE']);
  });

  it('does not flag four shared words, or the same words in another order', () => {
    expect(checksOf('classified-content', 'Registrar records obtained under review.')).toEqual([]);
    expect(
      checksOf('classified-content', 'A production order obtained records under the registrar.'),
    ).toEqual([]);
    expect(checksOf('classified-content', 'Mail-in ballots are counted if they arrive by May 24.')).toEqual(
      [],
    );
  });

  it('flags a short classified note only as a whole', () => {
    const ctx = checkContext([
      threat({ classifiedNotes: [{ classification: 'TOP SECRET', text: 'Operation Nightfall' }] }),
    ]);
    expect(flagged('classified-content', 'This is operation NIGHTFALL again.', 'en', ctx)).toEqual([
      'operation NIGHTFALL',
    ]);
    expect(checksOf('classified-content', 'The operation continued into the nightfall.', 'en', ctx)).toEqual(
      [],
    );
  });

  it('does not run on the internal briefing note, which may quote notes', () => {
    const d = draftOf({ en: [{ text: CLASSIFIED_SENTENCE, kind: 'classified' }] }, 'briefing-note');
    expect(runChecks(d, checkContext()).filter((c) => c.id === 'classified-content')).toEqual([]);
  });
});
