// French punctuation for the interface's own strings (Canadian federal usage): a no-break space before the
// colon and inside « guillemets », a narrow no-break space before ; ! and ?. Applied once to the French
// strings as they load, before any value is put into them, so names, times ("9:30") and addresses
// ("https://") that fill a placeholder are never touched. Idempotent.
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const SPACES = '[ \\u00A0\\u202F]';

export function frenchPunctuation(text: string): string {
  return (
    text
      // ; ! ? that end a phrase: a narrow no-break space before them, whatever space was typed (also at the
      // start of a fragment that is put after a word, such as " ; " joining a list).
      .replace(new RegExp(`(?<=^|\\S)${SPACES}*([;!?])(?=\\s|$|[»)”"])`, 'gu'), `${NNBSP}$1`)
      // A colon that ends a phrase (not in 9:30 or https://): a no-break space before it.
      .replace(new RegExp(`(?<=^|\\S)${SPACES}*:(?=\\s|$)`, 'gu'), `${NBSP}:`)
      .replace(new RegExp(`«${SPACES}*`, 'gu'), `«${NBSP}`)
      .replace(new RegExp(`${SPACES}*»`, 'gu'), `${NBSP}»`)
  );
}

/** The same, through every string of a translation resource. */
export function frenchResource<T>(value: T): T {
  if (typeof value === 'string') return frenchPunctuation(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => frenchResource(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frenchResource(v)])) as T;
  return value;
}
