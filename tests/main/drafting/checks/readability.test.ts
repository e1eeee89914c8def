import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';
import { checksOf, draftOf } from './draft-of';

const HARD_EN =
  'Notwithstanding the aforementioned considerations, the administrative authorities ' +
  'responsible for electoral administration have determined that additional verification ' +
  'procedures, including comprehensive authentication of identification documentation, ' +
  'will be systematically implemented at every polling location throughout the jurisdiction.';
const EASY_EN =
  'You can vote by mail. Send your ballot by polling day. We will count it if it arrives ' +
  'by May 24. Call us if you need help.';
const HARD_FR =
  'Nonobstant les considérations susmentionnées, les autorités administratives responsables ' +
  'de l’administration électorale ont déterminé que des procédures de vérification supplémentaires, ' +
  'notamment l’authentification exhaustive des pièces d’identité, seront systématiquement ' +
  'appliquées dans chaque lieu de scrutin.';
const EASY_FR =
  'Vous pouvez voter par la poste. Postez votre bulletin avant le jour du vote. Nous ' +
  'le compterons s’il arrive avant le 24 mai. Appelez-nous si vous avez besoin d’aide.';

describe('readability', () => {
  it('warns when English prose is above grade 8', () => {
    const [c] = checksOf('readability', HARD_EN);
    expect(c).toMatchObject({ severity: 'warning', start: 0, end: HARD_EN.length });
    expect(c!.message.id).toBe('checks:readability.grade');
    expect(c!.message.params).toMatchObject({ target: 8, lang: 'en', section: 'body' });
    expect(Number(c!.message.params!.grade)).toBeGreaterThan(8);
    expect(checksOf('readability', EASY_EN)).toEqual([]);
  });

  it('warns when French prose is above grade 8 (Kandel & Moles)', () => {
    expect(checksOf('readability', HARD_FR, 'fr')).toHaveLength(1);
    expect(checksOf('readability', EASY_FR, 'fr')).toEqual([]);
  });

  it('takes the target from the context', () => {
    const medium =
      'Send your ballot by mail before polling day. We count every ballot that arrives by May 24.';
    expect(checksOf('readability', medium, 'en')).toEqual([]);
    expect(checksOf('readability', medium, 'en', { ...checkContext(), targetGrade: 2 })).toHaveLength(1);
    expect(checksOf('readability', HARD_EN, 'en', { ...checkContext(), targetGrade: 50 })).toEqual([]);
  });

  it('leaves headings, contacts and short lines alone', () => {
    const d = draftOf({
      en: [
        { text: HARD_EN, kind: 'media-contact' },
        { text: 'Notwithstanding administrative considerations.', kind: 'fact' },
      ],
    });
    expect(runChecks(d, checkContext()).filter((c) => c.id === 'readability')).toEqual([]);
  });
});
