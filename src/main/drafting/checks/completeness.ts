// completeness: a public text says what is being done to protect the election, and where to find reliable
// information (a web address or phone number), in every language.
import type { Check, SectionKind } from '../../../shared/domain/drafting';
import { withoutPlaceholders } from '../text/placeholders';
import { finding, type CheckFn } from './run';

const REQUIRED: { kind: SectionKind; key: string }[] = [
  { kind: 'protection', key: 'protection' },
  { kind: 'reliable-sources', key: 'sources' },
];
const CONTACT_POINT = /(https?:\/\/|www\.|\b[\w-]+(\.[\w-]+)+\b|\+?\d[\d\s().-]{6,}\d|@)/;

export const completeness: CheckFn = ({ draft, sections }) => {
  const out: Check[] = [];
  for (const lang of draft.languages) {
    const mine = sections.filter((v) => v.lang === lang);
    for (const { kind, key } of REQUIRED) {
      const written = mine.filter(
        (v) => v.section.kind === kind && withoutPlaceholders(v.section.text).split(/\s+/).length >= 2,
      );
      const [first] = written;
      if (!first) {
        const existing = mine.find((v) => v.section.kind === kind);
        out.push(finding('completeness', 'error', key, {}, existing ?? { lang, section: null }));
      } else if (
        kind === 'reliable-sources' &&
        !written.some((v) => CONTACT_POINT.test(withoutPlaceholders(v.section.text)))
      ) {
        out.push(finding('completeness', 'warning', 'contactPoint', {}, first));
      }
    }
  }
  return out;
};
