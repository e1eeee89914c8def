// The passphrase strength check (shared/security/passphrase-strength.ts) in the main process and the CLI,
// with its language packs loaded on the first check only: every process would otherwise pay a third of a
// second and about 50 MB at start for a check that runs when a passphrase is first set.
import { createRequire } from 'node:module';
import {
  createPassphraseCheck,
  type PassphraseCheck,
  type PassphraseLanguagePacks,
} from '../../shared/security/passphrase-strength';

let check: PassphraseCheck | null = null;

export const checkPassphrase: PassphraseCheck = (passphrase, opts) => {
  if (!check) {
    // Loaded here, when needed (a static import would load them with this module).
    const load = createRequire(import.meta.url);
    const packs: PassphraseLanguagePacks = {
      common: load('@zxcvbn-ts/language-common') as PassphraseLanguagePacks['common'],
      en: load('@zxcvbn-ts/language-en') as PassphraseLanguagePacks['en'],
      fr: load('@zxcvbn-ts/language-fr') as PassphraseLanguagePacks['fr'],
    };
    check = createPassphraseCheck(packs);
  }
  return check(passphrase, opts);
};
