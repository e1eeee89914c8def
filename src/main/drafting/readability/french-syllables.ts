// Syllables of a written French word, as spoken in standard French, by vowel groups with the usual rules:
// a final mute "e"/"es" is not a syllable (vote, votes), "qu"/"gu" before a vowel is one consonant (publique),
// a diaeresis starts a new syllable (Noël, naïf), and "é" followed by a vowel is a hiatus (créé, réel).
// A heuristic, like every syllable counter: it errs by at most one on most words (e.g. verb endings in "-ent").
const VOWELS = 'aeiouyàâäéèêëîïôöùûüÿæœ';
const isVowel = (c: string) => VOWELS.includes(c);

export function frenchSyllables(word: string): number {
  let w = word
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-zàâäéèêëîïôöùûüÿæœç]/g, '');
  if (w === '') return word.trim() === '' ? 0 : 1;
  // "qu" and "gu" before a vowel: the u is silent.
  w = w.replace(/([qg])u(?=[aeiouyàâéèêëîïô])/g, '$1');
  // Final mute e: "vote", "votes" (but not in words whose only vowel it is: "le", "de", "les").
  const stripped = w.replace(/(?<=[^aeiouyàâäéèêëîïôöùûüÿ])es?$/, '');
  if (stripped !== w && [...stripped].some(isVowel)) w = stripped;
  let count = 0;
  let prev = ' ';
  for (const c of w) {
    if (isVowel(c)) {
      const newGroup =
        !isVowel(prev) ||
        // A diaeresis marks a vowel said on its own.
        'ëïüÿ'.includes(c) ||
        // "é" then another vowel: two syllables (cré-é, ré-el, thé-âtre).
        prev === 'é';
      if (newGroup) count++;
    }
    prev = c;
  }
  return Math.max(1, count);
}
