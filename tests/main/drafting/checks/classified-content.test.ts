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
    expect(c!.message).toEqual({
      id: 'checks:classified-content.passage',
      params: { lang: 'en', section: 'body', classification: 'SECRET' },
    });
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

  it('flags the identifying tokens of a note that the unclassified record does not hold', () => {
    const ctx = checkContext([
      threat({
        classifiedNotes: [
          {
            classification: 'TOP SECRET',
            text: 'Signals intelligence reference 44-B ties the server to Unit 4127 of the Varnian Directorate; exfiltration took six nights.',
          },
        ],
      }),
    ]);
    const tokens = (text: string) =>
      checksOf('classified-content', text, 'en', ctx).map((c) => [
        text.slice(c.start, c.end),
        c.message.id,
        c.message.params?.kind,
        c.message.params?.classification,
      ]);
    // The examples: a code alone, and the same sentence reworded.
    expect(tokens('See reference 44-B.')).toEqual([
      ['44-B', 'checks:classified-content.token', 'code', 'TOP SECRET'],
    ]);
    // Five words of the note in a row: flagged as a passage.
    expect(
      tokens('Signals intelligence reference 44-B points to a foreign military unit.').map((t) => t[0]),
    ).toEqual(['Signals intelligence reference 44-B']);
    // Written another way, in another case, with look-alike letters: still the note's.
    expect(tokens('Ref. 44‐b and unit 4127.').map((t) => [t[0], t[2]])).toEqual([
      ['44‐b', 'code'],
      ['4127', 'number'],
    ]);
    expect(tokens('A Varnian body did it.').map((t) => [t[0], t[2]])).toEqual([['Varnian', 'proper-noun']]);
    expect(tokens('There was exfiltration.').map((t) => [t[0], t[2]])).toEqual([
      ['exfiltration', 'rare-word'],
    ]);
    // Common words, small numbers and years point to nothing.
    expect(tokens('The server was down for six nights in 2027, on May 12.')).toEqual([]);
  });

  it('does not flag a token the unclassified record also holds', () => {
    const ctx = checkContext([
      threat({
        facts: ['Unit 4127 of the city’s works department fixed the ballot scanner.'],
        classifiedNotes: [{ classification: 'SECRET', text: 'Unit 4127 is watched by the Varnian service.' }],
      }),
    ]);
    expect(checksOf('classified-content', 'Unit 4127 fixed it.', 'en', ctx)).toEqual([]);
    expect(checksOf('classified-content', 'The Varnian service.', 'en', ctx)).toHaveLength(1);
  });

  it('does not run on the internal briefing note, which may quote notes', () => {
    const d = draftOf({ en: [{ text: CLASSIFIED_SENTENCE, kind: 'classified' }] }, 'briefing-note');
    expect(runChecks(d, checkContext()).filter((c) => c.id === 'classified-content')).toEqual([]);
  });
});
