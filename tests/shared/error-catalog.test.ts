// The services' refusals in both official languages: every sentence an AppError can say (the ids of the
// English catalog, which the type ErrorMessageId is made of) and every error code has its French, with the
// same placeholders and French typography; an error carries its id across IPC as data, and is said in the
// person's language from it.
import { describe, expect, it } from 'vitest';
import errorsEn from '../../src/shared/i18n/en/errors.json';
import errorsFr from '../../src/shared/i18n/fr/errors.json';
import { AppError, ERROR_CODES, staleWrite, unwrap } from '../../src/shared/errors';
import { errorTextIn, type ErrorMessageId } from '../../src/shared/i18n/error-text';
import { frenchPunctuation } from '../../src/renderer/i18n/french-punctuation';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const en: Record<string, string> = errorsEn;
const fr: Record<string, string> = errorsFr;

/** The sentences of a catalog, by id (plural forms under their id). */
function sentences(catalog: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, text] of Object.entries(catalog)) {
    const id = key.replace(PLURAL, '');
    out.set(id, [...(out.get(id) ?? []), text]);
  }
  return out;
}
const placeholders = (texts: string[]) =>
  new Set(texts.flatMap((t) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])));

const english = sentences(en);
const french = sentences(fr);

describe('the errors catalog', () => {
  it('has a sentence for every error code, in English and in French', () => {
    for (const code of ERROR_CODES) {
      expect(english.has(`code/${code}`), `code/${code} in en`).toBe(true);
      expect(french.has(`code/${code}`), `code/${code} in fr`).toBe(true);
    }
  });

  it.each([...english.keys()])('%s: is said in French, with no placeholder English does not give', (id) => {
    const translations = french.get(id);
    expect(translations, `${id} has no French`).toBeDefined();
    const given = placeholders(english.get(id)!);
    for (const name of placeholders(translations!)) expect(given, `${id}: {{${name}}}`).toContain(name);
    // A French sentence that is the English one was not translated.
    for (const t of translations!) expect(english.get(id)).not.toContain(t);
  });

  it('has no French sentence the English catalog (the list of ids) does not know', () => {
    expect([...french.keys()].filter((id) => !english.has(id))).toEqual([]);
  });

  it('has every plural form French needs where English has plurals', () => {
    for (const key of Object.keys(en).filter((k) => PLURAL.test(k))) {
      const id = key.replace(PLURAL, '');
      for (const form of ['one', 'other']) expect(fr, `${id}_${form}`).toHaveProperty(`${id}_${form}`);
    }
  });

  it('is written with French punctuation (no-break spaces before colons and inside « »)', () => {
    const wrong = Object.entries(fr).filter(([, t]) => frenchPunctuation(t) !== t);
    expect(wrong).toEqual([]);
  });
});

describe('an AppError', () => {
  it('keeps the English for logs, and carries its id and parameters as data', () => {
    const err = new AppError('forbidden', { id: 'assessment/deciding-speak-publicly-takes' });
    expect(err.message).toBe(
      'Deciding to speak publicly takes your signature: type your passphrase. Nothing was recorded.',
    );
    const shape = JSON.parse(JSON.stringify(err.toShape())) as ReturnType<AppError['toShape']>;
    expect(shape).toMatchObject({ code: 'forbidden', messageId: 'assessment/deciding-speak-publicly-takes' });
    expect(errorTextIn('fr', shape)).toBe(
      'Décider de s’exprimer publiquement exige votre signature\u00A0: entrez votre phrase de passe. ' +
        'Rien n’a été enregistré.',
    );
  });

  it('is said in French with its parameters, plural forms and « » quotes', async () => {
    const stale = staleWrite({
      kind: 'threat',
      id: 'lk27-001',
      changedBy: 'Dana Roy',
      changedAt: null,
      theirs: { version: 3, record: null },
      yours: { version: 2, record: null },
    });
    expect(stale.message).toMatch(
      /^Dana Roy changed this threat while you were editing \(it is now at version 3/,
    );
    expect(errorTextIn('fr', stale.toShape())).toMatch(
      /^Dana Roy a modifié cette fiche pendant que vous la modifiiez \(elle est maintenant à la version 3; vous êtes parti de la version 2\)/,
    );
    const wait = new AppError('try-later', { id: 'sessions/too-many-failed-sign', params: { count: 1 } });
    expect(wait.message).toMatch(/try again in 1 second\.$/);
    expect(errorTextIn('fr', wait.toShape())).toMatch(/réessayez dans 1 seconde\.$/);
    const role = new AppError('forbidden', {
      id: 'services/may-not-do-needs',
      params: { name: 'Li Wei', action: 'policy.change', value: 'reviewer' },
    });
    expect(errorTextIn('fr', role.toShape())).toBe(
      'Li Wei ne peut pas faire cela\u00A0: aucun de ses rôles ne permet «\u00A0policy.change\u00A0». ' +
        'Rien n’a été modifié.',
    );
    // Thrown again from its envelope (the CLI, a team server's answer): the same id and parameters.
    await expect(unwrap({ ok: false, error: role.toShape() })).rejects.toMatchObject({
      messageId: 'services/may-not-do-needs',
      params: role.params,
      message: role.message,
    });
  });

  it('falls back to its code, then its English, for an error without a known id', () => {
    expect(errorTextIn('fr', { code: 'busy', message: 'x', messageId: 'no/such-id' })).toBe('x');
    expect(errorTextIn('fr', { code: 'busy', message: '' })).toBe(
      'La base de données est occupée. Réessayez dans un instant.',
    );
  });
});

// The type of ids is the English catalog's keys: a sentence that is not in it does not compile.
// @ts-expect-error — not an id of the catalog
const notAnId: ErrorMessageId = 'threats/no-such-sentence';
void notAnId;
