// Function words, folded as tokenize() folds them (lower case, no accents). They carry no claim of their own:
// a repeated false claim is found by its content words. The English list holds only words that are not also
// French words ("a", "on", "as", "en", "but" are both), so that it can find English left in a French text.
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'the and of to is are was were with for that this these those it its be been being by from or at not ' +
    'have has had will would should could can cannot who what when where which how why our your their they ' +
    'we you he she them there here about after before into over than then any all some more most only also ' +
    'very just do does did so my his her him up out off because while until both each other such own ' +
    'same too through during against between under again further once were shall might must us'
  ).split(' '),
);

const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'le la les l un une des du de d au aux a et ou ni mais donc or car ce cet cette ces ' +
    'ca cela ceci il elle ' +
    'ils elles on nous vous je tu se s sa son ses leur leurs notre nos votre vos qui que ' +
    'qu quoi dont ou en ' +
    'y ne pas plus moins tres tout toute tous toutes est sont etait etaient sera seront ' +
    'ete etre avoir a ont ' +
    'avait avaient aura auront par pour sur sous dans avec sans entre vers chez apres avant depuis pendant ' +
    'si comme aussi meme lui eux celui celle ceux celles autre autres'
  ).split(' '),
);

/** English words that tell a claim nothing ("will", "not", "be", "after"): numbers and names are content. */
const MORE_ENGLISH = new Set(['a', 'an', 'in', 'on', 'as', 'no', 'if', 'am', 'me', 'i', 'yes']);

export function isStopWord(norm: string): boolean {
  return ENGLISH_STOP_WORDS.has(norm) || FRENCH_STOP_WORDS.has(norm) || MORE_ENGLISH.has(norm);
}
