// The one strength check for every passphrase that protects Threshold's data: a database key typed as a
// passphrase (THRESHOLD_DB_KEY) today, account passphrases (which wrap the database key) next. Whoever
// copies the files can guess offline, slowed only by the key derivation, so a passphrase must be "very
// unguessable" (zxcvbn score 4: at least 10^10 guesses), judged against common passwords and English and
// French words and names (@zxcvbn-ts with its language packs). The verdict says why, in English or French.
// Pure and without Node or the DOM. The language packs are given, not imported: they take a third of a
// second and about 50 MB to load, so each side loads them when a passphrase is first judged (in main:
// src/main/security/passphrases.ts).
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import type * as CommonPack from '@zxcvbn-ts/language-common';
import type * as EnglishPack from '@zxcvbn-ts/language-en';
import type * as FrenchPack from '@zxcvbn-ts/language-fr';

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

/** The dictionaries and keyboard layouts the check judges against. */
export interface PassphraseLanguagePacks {
  common: Pick<typeof CommonPack, 'dictionary' | 'adjacencyGraphs'>;
  en: Pick<typeof EnglishPack, 'dictionary' | 'translations'>;
  fr: Pick<typeof FrenchPack, 'dictionary' | 'translations'>;
}

const GENERIC: Record<PassphraseLanguage, (log10: number) => string> = {
  en: (log10) =>
    `it could be guessed in about 10^${Math.floor(log10)} tries; at least 10^10 are needed. Use several unrelated words, or a longer phrase.`,
  fr: (log10) =>
    `il pourrait être deviné en environ 10^${Math.floor(log10)} essais ; il en faut au moins 10^10. Utilisez plusieurs mots sans rapport entre eux, ou une phrase plus longue.`,
};

export type PassphraseCheck = (
  passphrase: string,
  opts?: { language?: PassphraseLanguage; context?: readonly string[] },
) => PassphraseVerdict;

/**
 * The check, over the given language packs. `context` lists words that must not help (the user's name,
 * the organisation, the database's file name): a passphrase built from them counts as weak.
 */
export function createPassphraseCheck(packs: PassphraseLanguagePacks): PassphraseCheck {
  const factories = new Map<PassphraseLanguage, ZxcvbnFactory>();
  const factory = (language: PassphraseLanguage): ZxcvbnFactory => {
    let z = factories.get(language);
    if (!z) {
      z = new ZxcvbnFactory({
        translations: packs[language].translations,
        graphs: packs.common.adjacencyGraphs,
        dictionary: { ...packs.common.dictionary, ...packs.en.dictionary, ...packs.fr.dictionary },
      });
      factories.set(language, z);
    }
    return z;
  };
  return (passphrase, opts = {}) => {
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
  };
}
