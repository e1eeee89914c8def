import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';
import { draftOf } from './draft-of';

const check = (
  sections: Parameters<typeof draftOf>[0],
  template: Parameters<typeof draftOf>[1] = 'public-statement',
) => runChecks(draftOf(sections, template), checkContext()).filter((c) => c.id === 'completeness');

const PROTECTION = { text: 'We have alerted the platforms.', kind: 'protection' as const };
const SOURCES = {
  text: 'Visit elections.example or call 1-800-555-0127.',
  kind: 'reliable-sources' as const,
};

describe('completeness', () => {
  it('passes a public text that says what is done and where to check', () => {
    expect(
      check({
        en: [PROTECTION, SOURCES],
        fr: [{ ...PROTECTION, text: 'Nous avons alerté les plateformes.' }, SOURCES],
      }),
    ).toEqual([]);
  });

  it('is an error when what is being done is missing, in each language', () => {
    const checks = check({ en: [SOURCES], fr: [PROTECTION, SOURCES] });
    expect(checks).toEqual([
      expect.objectContaining({
        severity: 'error',
        lang: 'en',
        sectionId: null,
        message: { id: 'checks:completeness.protection', params: { lang: 'en', section: 'document' } },
      }),
    ]);
  });

  it('is an error when where to find reliable information is missing or only a placeholder', () => {
    expect(check({ en: [PROTECTION] })[0]).toMatchObject({
      severity: 'error',
      message: expect.objectContaining({ id: 'checks:completeness.sources' }),
    });
    const placeholderOnly = check({
      en: [PROTECTION, { id: 'src', text: '[TO COMPLETE: web address]', kind: 'reliable-sources' }],
    });
    expect(placeholderOnly[0]).toMatchObject({ severity: 'error', sectionId: 'src' });
  });

  it('warns when the sources give no web address or phone number', () => {
    expect(
      check({ en: [PROTECTION, { text: 'Ask the election authority.', kind: 'reliable-sources' }] })[0],
    ).toMatchObject({ severity: 'warning' });
  });

  it('does not apply to the internal briefing note or the partner notification', () => {
    expect(check({ en: [{ text: 'Nothing.' }] }, 'briefing-note')).toEqual([]);
    expect(check({ en: [{ text: 'Nothing.' }] }, 'partner-notification')).toEqual([]);
  });
});
