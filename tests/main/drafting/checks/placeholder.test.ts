import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';
import { draftOf } from './draft-of';

describe('placeholder', () => {
  it('is an error on "to complete" and "removed" markers, in both languages', () => {
    const d = draftOf({
      en: [{ text: 'Call [TO COMPLETE: phone number]. [REMOVED: overlaps a classified note].' }],
      fr: [
        {
          text: 'Appelez le [À COMPLÉTER\u00A0: numéro de téléphone]. [RETIRÉ : chevauche une note classifiée].',
        },
      ],
    });
    const checks = runChecks(d, checkContext()).filter((c) => c.id === 'placeholder');
    expect(checks.map((c) => [c.lang, c.severity])).toEqual([
      ['en', 'error'],
      ['en', 'error'],
      ['fr', 'error'],
      ['fr', 'error'],
    ]);
    expect(checks[1]!.message.id).toBe('checks:placeholder.removed');
  });

  it('says which field is missing, in which language and section', () => {
    const d = draftOf({
      en: [{ id: 'src', kind: 'reliable-sources', text: 'Visit [TO COMPLETE: web address]' }],
      fr: [{ id: 'mc', kind: 'media-contact', text: '[À COMPLÉTER : courriel de la personne-ressource]' }],
    });
    const checks = runChecks(d, checkContext()).filter((c) => c.id === 'placeholder');
    expect(checks.map((c) => c.message)).toEqual([
      {
        id: 'checks:placeholder.missing',
        params: { lang: 'en', section: 'reliable-sources', field: 'organisation.website' },
      },
      {
        id: 'checks:placeholder.missing',
        params: { lang: 'fr', section: 'media-contact', field: 'organisation.mediaContact.email' },
      },
    ]);
  });

  it('does not fire on finished text', () => {
    expect(
      runChecks(draftOf({ en: [{ text: 'Call 1-800-555-0127.' }] }), checkContext()).filter(
        (c) => c.id === 'placeholder',
      ),
    ).toEqual([]);
  });
});
