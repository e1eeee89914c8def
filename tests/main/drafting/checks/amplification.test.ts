import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/drafting';
import { buildClaimIndex, claimOccurrences } from '../../../../src/main/drafting/text/claim-occurrences';
import { checkContext, threat } from '../fixtures';
import { draftOf } from './draft-of';

const CLAIM = 'Mail-in ballots posted after Friday, May 14 will not be counted.';
const FACT = 'Mail-in ballots are counted if they are postmarked by polling day.';
const amp = (sections: Parameters<typeof draftOf>[0]) =>
  runChecks(draftOf(sections), checkContext()).filter((c) => c.id === 'amplification');

describe('amplification', () => {
  it('accepts the claim once, after the fact', () => {
    expect(
      amp({
        en: [
          { text: 'The facts', kind: 'headline' },
          { text: FACT, kind: 'fact' },
          { text: `A false claim says: “${CLAIM}” This is false.`, kind: 'falsehood' },
        ],
      }),
    ).toEqual([]);
  });

  it('is an error in the headline', () => {
    const [c] = amp({
      en: [
        {
          id: 'h',
          text: `Mail-in ballots posted after Friday, May 14 will not be counted? False`,
          kind: 'headline',
        },
        { text: FACT, kind: 'fact' },
      ],
    });
    expect(c).toMatchObject({
      severity: 'error',
      sectionId: 'h',
      message: { id: 'checks:amplification.headline' },
    });
  });

  it('is an error before the fact, or in the fact’s own paragraph', () => {
    const [c] = amp({
      en: [
        { text: 'Title', kind: 'headline' },
        { id: 'p1', text: `Some say ${CLAIM.toLowerCase()}`, kind: 'fact' },
      ],
    });
    expect(c).toMatchObject({
      severity: 'error',
      sectionId: 'p1',
      message: { id: 'checks:amplification.beforeFact' },
    });
    const [d] = amp({
      en: [
        { id: 'ctx', text: `People say ${CLAIM}`, kind: 'context' },
        { text: FACT, kind: 'fact' },
      ],
    });
    expect(d).toMatchObject({ severity: 'error', sectionId: 'ctx' });
  });

  it('is an error the second time, even reworded in case and punctuation, or in French', () => {
    const checks = amp({
      en: [
        { text: FACT, kind: 'fact' },
        { id: 'f', text: `False: “${CLAIM}”`, kind: 'falsehood' },
        {
          id: 'again',
          text: 'Again: MAIL-IN BALLOTS POSTED AFTER FRIDAY MAY 14 WILL NOT BE COUNTED',
          kind: 'fact-repeat',
        },
      ],
    });
    expect(checks.map((c) => [c.severity, c.sectionId, c.message.params?.count])).toEqual([
      ['error', 'again', 2],
    ]);
    const fr = amp({
      fr: [
        { text: 'Les bulletins de vote postaux sont comptés.', kind: 'fact' },
        {
          text: '« Les bulletins de vote postaux envoyés après le vendredi 14 mai ne seront pas comptés. » C’est faux.',
          kind: 'falsehood',
        },
        {
          id: 'again',
          text: 'Les bulletins de vote postaux envoyés après le vendredi 14 mai ne seront pas comptés, disent-ils.',
          kind: 'context',
        },
      ],
    });
    expect(fr.map((c) => [c.severity, c.sectionId])).toEqual([['error', 'again']]);
  });

  it('counts a paraphrase that shares a run of the claim’s own words', () => {
    // The sample's summary restated the claim in other words before quoting it (lk27-001).
    const checks = amp({
      en: [
        { text: FACT, kind: 'fact' },
        {
          id: 'ctx',
          text: 'A widely followed account posted that mail-in ballots sent after Friday, May 14 would be thrown out.',
          kind: 'context',
        },
        { text: `A false claim says: “${CLAIM}” This is false.`, kind: 'falsehood' },
      ],
    });
    // The paraphrase counts: the quoted claim after it is the second mention.
    expect(checks.map((c) => [c.sectionId, c.message.id])).toEqual([['s2', 'checks:amplification.repeated']]);
  });

  it('does not count a fact that shares the claim’s subject', () => {
    expect(
      amp({
        fr: [
          {
            text: 'Les bulletins de vote postaux oblitérés au plus tard le jour du scrutin sont comptés.',
            kind: 'fact',
          },
          {
            text: '« Les bulletins de vote postaux envoyés après le vendredi 14 mai ne seront pas comptés. »',
            kind: 'falsehood',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('finds runs of the claim’s content words, function words skipped, and joins close matches', () => {
    const t = threat();
    const index = buildClaimIndex([t.falseClaim!], t.facts);
    expect(
      claimOccurrences('They posted it after Friday, May 14 — and it will not be counted.', index),
    ).toHaveLength(1);
    expect(claimOccurrences('Ballots are counted if they arrive by May 24.', index)).toEqual([]);
  });
});
