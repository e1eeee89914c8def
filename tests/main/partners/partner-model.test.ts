// The partner form's model (renderer, pure): values to document and back, and problems coded for i18n.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Partner } from '../../../src/shared/domain/partners';
import {
  emptyRole,
  fieldId,
  fromFormValues,
  toFormValues,
  validatePartnerForm,
} from '../../../src/renderer/screens/partners/partner-model';
import { ASSETS_DIR, REPO_ROOT } from '../../helpers/db';

const sample = (
  JSON.parse(fs.readFileSync(path.join(ASSETS_DIR, 'sample-partners.json'), 'utf8')) as {
    partners: Partner[];
  }
).partners;

describe('partner form model', () => {
  it('gives back every sample partner unchanged through the form', () => {
    for (const p of sample) expect(fromFormValues(toFormValues(p), p), p.id).toEqual(p);
  });

  it('keeps what the form does not edit, and leaves out an empty backup', () => {
    const base = { ...sample[0]!, x_local: 1 } as Partner;
    const values = toFormValues(base);
    values.roles = [
      {
        ...emptyRole(),
        role: 'Desk',
        primary: { ...emptyRole().primary, name: 'Ana', email: 'ana@example.org' },
      },
    ];
    const doc = fromFormValues(values, base);
    expect(doc.contactLog).toEqual(base.contactLog);
    expect(doc.x_local).toBe(1);
    expect(doc.roles).toEqual([{ role: 'Desk', primary: { name: 'Ana', email: 'ana@example.org' } }]);
    expect(validatePartnerForm(doc).ok).toBe(true);
  });

  it('keys each problem to a translated message and to its field', () => {
    const values = toFormValues();
    values.roles[0]!.primary.email = 'nope';
    const result = validatePartnerForm(fromFormValues(values));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((p) => [fieldId(p.path ?? []), p.code]));
    expect(byField).toEqual({
      'partner-name': 'required',
      'partner-roles-0-role': 'required',
      'partner-roles-0-primary-name': 'required',
      'partner-roles-0-primary-email': 'email',
    });
    // Every code the partner schema can produce has a message in both languages.
    for (const lang of ['en', 'fr']) {
      const strings = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, `src/renderer/i18n/${lang}/validation.json`), 'utf8'),
      ) as Record<string, string>;
      for (const key of ['required', 'reachable', 'email', 'phone', 'too_big', 'invalid_value'])
        expect(strings[key], `${lang} ${key}`).toBeTruthy();
    }
  });
});
