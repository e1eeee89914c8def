import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../../src/shared/domain/drafting';
import { runChecks } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';
import { draftOf } from './draft-of';

describe('translation-missing', () => {
  it.each(TEMPLATE_IDS)('is an error on each placeholder in a %s, in either spacing', (template) => {
    const text = 'Les faits : [TRADUCTION NÉCESSAIRE\u00A0: résumé] et [TRANSLATION NEEDED: fait 2].';
    const checks = runChecks(draftOf({ fr: [{ text }] }, template), checkContext()).filter(
      (c) => c.id === 'translation-missing',
    );
    expect(checks.map((c) => [c.severity, text.slice(c.start, c.end), c.message])).toEqual([
      [
        'error',
        '[TRADUCTION NÉCESSAIRE\u00A0: résumé]',
        {
          id: 'checks:translation-missing.missing',
          params: { lang: 'fr', section: 'body', field: 'threat.summary' },
        },
      ],
      [
        'error',
        '[TRANSLATION NEEDED: fait 2]',
        {
          id: 'checks:translation-missing.missingItem',
          params: { lang: 'fr', section: 'body', field: 'threat.fact', n: 2 },
        },
      ],
    ]);
  });

  it('does not fire on ordinary brackets', () => {
    const checks = runChecks(draftOf({ en: [{ text: 'See [1] and [translation] notes.' }] }), checkContext());
    expect(checks.filter((c) => c.id === 'translation-missing')).toEqual([]);
  });
});
