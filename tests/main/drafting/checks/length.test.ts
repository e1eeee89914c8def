import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/drafting';
import { checkContext } from '../fixtures';
import { draftOf } from './draft-of';

const check = (
  sections: Parameters<typeof draftOf>[0],
  template: Parameters<typeof draftOf>[1] = 'social-post',
) => runChecks(draftOf(sections, template), checkContext()).filter((c) => c.id === 'length');

describe('length', () => {
  it('accepts a post of exactly 280 characters across its sections', () => {
    expect(check({ en: [{ text: 'a'.repeat(139) }, { text: 'b'.repeat(140) }] })).toEqual([]);
  });

  it('is an error over 280, pointing at the part beyond the limit', () => {
    const [c] = check({ en: [{ text: 'a'.repeat(200) }, { id: 'tail', text: 'b'.repeat(100) }] });
    expect(c).toMatchObject({ severity: 'error', sectionId: 'tail', start: 79, end: 100 });
    expect(c!.message).toMatchObject({ id: 'checks:length.over', params: { count: 301, limit: 280 } });
  });

  it('counts characters as people do (an emoji is one) and checks each language', () => {
    expect(check({ en: [{ text: '🗳'.repeat(280) }] })).toEqual([]);
    expect(check({ en: [{ text: 'ok' }], fr: [{ text: 'é'.repeat(281) }] }).map((c) => c.lang)).toEqual([
      'fr',
    ]);
  });

  it('applies only to social posts', () => {
    expect(check({ en: [{ text: 'a'.repeat(2000) }] }, 'public-statement')).toEqual([]);
  });
});
