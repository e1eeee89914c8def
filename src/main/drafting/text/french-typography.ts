// French typography as Canadian and French writing want it: a no-break space before the colon and inside
// « guillemets »; before ; ! and ? no space in Canada (fr-CA, the Translation Bureau's and OQLF's rule) and a
// narrow no-break space in France (fr-FR); a small letter after a colon; a number kept on the line of its
// month or unit. Times ("9:30") and web addresses ("https://") are left alone. Idempotent.
import type { FrenchVariety } from '../../../shared/domain/organisation';
import { afterColonFr } from './french-grammar';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

export function frenchTypography(text: string, variety: FrenchVariety = 'fr-CA'): string {
  let out = text
    // Typographic apostrophe between letters: l'élection → l’élection.
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    // Straight or curly double quotes around a passage become guillemets.
    .replace(/["“]\s*([^"“”\n]*?)\s*["”]/g, `«${NBSP}$1${NBSP}»`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
    // Colon ending a phrase: a space before it becomes a no-break space; none is added after a digit or in a URL.
    .replace(/[ \u202F]+:(?=\s|$)/g, `${NBSP}:`)
    .replace(/([^\s\d/:]):(?=\s|$)/gu, `$1${NBSP}:`)
    // A number stays on the line of its month or unit: "17 mai", "20 h".
    .replace(
      /(\d) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|h\b|%|\$)/g,
      `$1${NBSP}$2`,
    );
  out =
    variety === 'fr-FR'
      ? out
          .replace(/[ \u00A0]+([;!?])/g, `${NNBSP}$1`)
          .replace(/([^\s;!?])([;!?])(?=\s|$|»|\))/gu, `$1${NNBSP}$2`)
      : out.replace(/[ \u00A0\u202F]+([;!?])/g, '$1');
  // A small letter after a colon, outside quotations (": Les bulletins" → ": les bulletins").
  return out.replace(
    /(\u00A0:\s+)(?!«)([\p{L}][^\s]*)/gu,
    (_m, colon: string, word: string) => colon + afterColonFr(word),
  );
}
