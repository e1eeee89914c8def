import { describe, expect, it } from 'vitest';
import { checkContext, election, threat } from '../fixtures';
import { checksOf, flagged } from './draft-of';

describe('partisan-name', () => {
  it('flags a party by its name and its listed short form, case-insensitively, as errors', () => {
    const checks = checksOf(
      'partisan-name',
      'Supporters of the lakeshore progressive alliance and the LPA were targeted.',
    );
    expect(checks.map((c) => c.severity)).toEqual(['error', 'error']);
    expect(
      flagged('partisan-name', 'Supporters of the lakeshore progressive alliance and the LPA were targeted.'),
    ).toEqual(['lakeshore progressive alliance', 'LPA']);
  });

  it('flags a French party name without its accents, and an alias in brackets', () => {
    expect(
      flagged('partisan-name', 'Des partisans de l’Alliance progressiste du Lakeshore et du HEP.', 'fr'),
    ).toEqual(['Alliance progressiste du Lakeshore', 'HEP']);
  });

  it('flags candidates by full name, accent-insensitive, and by surname alone as a warning', () => {
    expect(flagged('partisan-name', 'A video shows Helene Drouin-Vasquez at a rally.')).toEqual([
      'Helene Drouin-Vasquez',
    ]);
    const surname = checksOf('partisan-name', 'A video shows Thibodeau-Reyes at a rally.');
    expect(surname.map((c) => [c.severity, c.message.params?.name])).toEqual([
      ['warning', 'Daniel Thibodeau-Reyes'],
    ]);
  });

  it('derives short forms: "Greens" for the Green Party (a warning)', () => {
    const c = checksOf('partisan-name', 'The Greens said nothing.');
    expect(c.map((x) => x.severity)).toEqual(['warning']);
  });

  it('matches whole words only, and nothing in a neutral text', () => {
    expect(
      checksOf('partisan-name', 'The LPAs and alliances of Lakeshore voters are not named here.'),
    ).toEqual([]);
    expect(checksOf('partisan-name', 'Mail-in ballots are counted if they arrive by May 24.')).toEqual([]);
  });

  it('works without an election', () => {
    expect(
      checksOf('partisan-name', 'The LPA.', 'en', {
        threats: [threat()],
        assessment: { attributionMayBeStated: false },
      }),
    ).toEqual([]);
    expect(
      checksOf('partisan-name', 'The LPA.', 'en', {
        ...checkContext(),
        election: { ...election, parties: [] },
      }),
    ).toEqual([]);
  });
});
