// French typography as used in Canadian federal writing: a no-break space before the colon and inside
// « guillemets », a narrow no-break space before ; ! and ?. Times ("9:30") and URLs ("https://") are left alone.
// Idempotent: applying it twice gives the same text.
const NBSP = '\u00A0';
const NNBSP = '\u202F';

export function frenchTypography(text: string): string {
  return (
    text
      // Typographic apostrophe between letters: l'élection → l’élection.
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Straight or curly double quotes around a passage become guillemets.
      .replace(/["“]\s*([^"“”\n]*?)\s*["”]/g, `«${NBSP}$1${NBSP}»`)
      .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
      // Colon ending a phrase: a space before it becomes a no-break space; none is added after a digit or in a URL.
      .replace(/[ \u202F]+:(?=\s|$)/g, `${NBSP}:`)
      .replace(/([^\s\d/:]):(?=\s|$)/gu, `$1${NBSP}:`)
      .replace(/[ \u00A0]+([;!?])/g, `${NNBSP}$1`)
      // A number stays on the line of its month or unit: "17 mai", "20 h".
      .replace(
        /(\d) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|h\b|%|\$)/g,
        `$1${NBSP}$2`,
      )
      .replace(/([^\s;!?])([;!?])(?=\s|$|»|\))/gu, `$1${NNBSP}$2`)
  );
}
