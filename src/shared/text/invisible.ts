// Characters that show nothing but split or disguise words: zero-width spaces and joiners, the word
// joiner, the byte-order mark, the soft hyphen, the Mongolian vowel separator, and the direction marks and
// controls. "Tues\u200Bday" reads "Tuesday" and must be found as such.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The same characters, for SQL LIKE patterns and other places that list them one by one. */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  '\u00AD',
  '\u180E',
  ...Array.from({ length: 5 }, (_, i) => String.fromCharCode(0x200b + i)),
  ...Array.from({ length: 5 }, (_, i) => String.fromCharCode(0x202a + i)),
  ...Array.from({ length: 5 }, (_, i) => String.fromCharCode(0x2060 + i)),
  ...Array.from({ length: 4 }, (_, i) => String.fromCharCode(0x2066 + i)),
  '\uFEFF',
];
