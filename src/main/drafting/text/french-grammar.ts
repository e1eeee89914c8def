// Contractions French needs when a name follows "de" or "à": de + le = du, de + Élections Canada = d’Élections Canada.
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;

export function deFr(noun: string): string {
  if (/^le /i.test(noun)) return `du ${noun.slice(3)}`;
  if (/^les /i.test(noun)) return `des ${noun.slice(4)}`;
  if (/^(la |l['’])/i.test(noun)) return `de ${noun}`;
  return VOWEL_START.test(noun) ? `d’${noun}` : `de ${noun}`;
}

export function aFr(noun: string): string {
  if (/^le /i.test(noun)) return `au ${noun.slice(3)}`;
  if (/^les /i.test(noun)) return `aux ${noun.slice(4)}`;
  return `à ${noun}`;
}

/** Words that start a sentence but take a small letter after a colon; anything else may be a proper noun. */
const COMMON_STARTS = new Set(
  (
    'le la les l un une des du de d ce cet cette ces il elle ils elles on nous vous tous ' +
    'toutes tout chaque aucun aucune seuls seules personne votre vos notre nos leur leurs ' +
    'son sa ses si en au aux à'
  ).split(' '),
);

/** In French, a sentence after a colon starts with a small letter, unless it starts with a proper noun. */
export function afterColonFr(sentence: string): string {
  const first = /^[\p{L}]+/u.exec(sentence)?.[0] ?? '';
  return COMMON_STARTS.has(first.toLowerCase()) && (first.length === 1 || first !== first.toUpperCase())
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : sentence;
}
