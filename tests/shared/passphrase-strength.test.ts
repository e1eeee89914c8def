// The one passphrase strength check (database passphrases now, account passphrases next): what a person
// would guess first is refused with the reason, in English and French; long phrases of unrelated words,
// in either language, pass.
import { describe, expect, it } from 'vitest';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import { createPassphraseCheck, MIN_PASSPHRASE_SCORE } from '../../src/shared/security/passphrase-strength';
import { checkPassphrase as checkInMain } from '../../src/main/security/passphrases';

const checkPassphrase = createPassphraseCheck({ common, en, fr });

describe('checkPassphrase', () => {
  it.each([
    'x',
    'password',
    'motdepasse123',
    'Lakeshore2027!',
    'qwertyuiop',
    'aaaaaaaaaaaaaaaaaaaaaaaa',
    'élection2027',
  ])('refuses %j, saying why', (weak) => {
    const verdict = checkPassphrase(weak);
    expect(verdict.ok).toBe(false);
    expect(verdict.score).toBeLessThan(MIN_PASSPHRASE_SCORE);
    expect(verdict.reasons.join(' ')).toMatch(/10\^\d+ tries; at least 10\^10 are needed/);
  });

  it.each([
    'correct horse battery staple',
    'vague-otter-lantern-quietly',
    'le chat noir dort sur le toit rouge',
    'g7#Kq!2pZ@w9vB',
  ])('accepts %j', (strong) => {
    const verdict = checkPassphrase(strong);
    expect(verdict).toMatchObject({ ok: true, score: 4, reasons: [] });
  });

  it('gives its reasons in French too', () => {
    const verdict = checkPassphrase('password', { language: 'fr' });
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/essais ; il en faut au moins 10\^10/);
    expect(verdict.reasons.join(' ')).not.toMatch(/tries/);
  });

  it('counts words from the context as guessable', () => {
    const phrase = 'Harrowgate-Lakeshore';
    expect(checkPassphrase(phrase).ok).toBe(true);
    const inContext = checkPassphrase(phrase, { context: ['lakeshore', 'harrowgate'] });
    expect(inContext.ok).toBe(false);
  });

  it('is the same check in the main process, its packs loaded on first use', () => {
    for (const p of ['x', 'Lakeshore2027!', 'vague-otter-lantern-quietly'])
      expect(checkInMain(p)).toEqual(checkPassphrase(p));
  });
});
