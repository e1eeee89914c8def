// The one strength check for every passphrase that protects Threshold's data: a database key typed as a
// passphrase (THRESHOLD_DB_KEY) today, account passphrases (which wrap the database key) next. Whoever
// copies the files can guess offline, slowed only by the key derivation, so a passphrase must be "very
// unguessable" (zxcvbn score 4: at least 10^10 guesses), judged against common passwords and English and
// French words and names (@zxcvbn-ts with its language packs). The verdict says why, in English or French.
// Pure and without Node or the DOM; the dictionaries load on the first check only (they are large).
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

export type PassphraseLanguage = 'en' | 'fr';

/** zxcvbn's "very unguessable": strong protection from an offline attack on a slow hash. */
export const MIN_PASSPHRASE_SCORE = 4;

export interface PassphraseVerdict {
  ok: boolean;
  /** 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** log10 of the estimated guesses needed. */
  guessesLog10: number;
  /** Why it is weak and what would help, in the language asked for (empty when ok). */
  reasons: string[];
}

const factories = new Map<PassphraseLanguage, ZxcvbnFactory>();

function factory(language: PassphraseLanguage): ZxcvbnFactory {
  let z = factories.get(language);
  if (!z) {
    z = new ZxcvbnFactory({
      translations: language === 'fr' ? fr.translations : en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    });
    factories.set(language, z);
  }
  return z;
}

const GENERIC: Record<PassphraseLanguage, (log10: number) => string> = {
  en: (log10) =>
    `it could be guessed in about 10^${Math.floor(log10)} tries; at least 10^10 are needed. Use several unrelated words, or a longer phrase.`,
  fr: (log10) =>
    `il pourrait être deviné en environ 10^${Math.floor(log10)} essais ; il en faut au moins 10^10. Utilisez plusieurs mots sans rapport entre eux, ou une phrase plus longue.`,
};

/**
 * Judges a passphrase. `context` lists words that must not help (the user's name, the organisation, the
 * database's file name): a passphrase built from them counts as weak.
 */
export function checkPassphrase(
  passphrase: string,
  opts: { language?: PassphraseLanguage; context?: readonly string[] } = {},
): PassphraseVerdict {
  const language = opts.language ?? 'en';
  const result: ZxcvbnResult = factory(language).check(passphrase, [...(opts.context ?? [])]);
  const ok = result.score >= MIN_PASSPHRASE_SCORE;
  const reasons = ok
    ? []
    : [
        ...(result.feedback.warning ? [result.feedback.warning] : []),
        GENERIC[language](result.guessesLog10),
        ...result.feedback.suggestions,
      ];
  return { ok, score: result.score, guessesLog10: result.guessesLog10, reasons };
}
