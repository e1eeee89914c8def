// French punctuation (Canadian usage, as the drafts and the organisation profile follow it): a no-break
// space before the colon and inside « guillemets », no space before ; ! and ?. The catalogs are written so;
// this is applied once more to the French strings as they load, before any value is put into them, so names,
// times ("9:30") and addresses ("https://") that fill a placeholder are never touched, nor are the
// placeholders and nested keys themselves ({{n}}, $t(…, {"count": n})). Idempotent.
const NBSP = '\u00A0';
const SPACES = '[ \\u00A0\\u202F]';
const PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/u;

function punctuate(text: string): string {
  return (
    text
      // ; ! ? that end a phrase: no space before them, whatever space was typed.
      .replace(new RegExp(`(?<=^|\\S)${SPACES}+([;!?])(?=\\s|$|[»)”"])`, 'gu'), '$1')
      // A colon that ends a phrase (not in 9:30 or https://): a no-break space before it.
      .replace(new RegExp(`(?<=^|\\S)${SPACES}*:(?=\\s|$)`, 'gu'), `${NBSP}:`)
      .replace(new RegExp(`«${SPACES}*`, 'gu'), `«${NBSP}`)
      .replace(new RegExp(`${SPACES}*»`, 'gu'), `${NBSP}»`)
  );
}

export function frenchPunctuation(text: string): string {
  return text
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : punctuate(part)))
    .join('');
}

/** The same, through every string of a translation resource. */
export function frenchResource<T>(value: T): T {
  if (typeof value === 'string') return frenchPunctuation(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => frenchResource(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frenchResource(v)])) as T;
  return value;
}
