// The organisation profile's fields, as Settings → Organisation and first-run setup both ask them: the
// name in each official language, website, phone line, media contact, an optional logo (shown with the
// name as its alternative text), and, in Settings, the spelling each language follows and the end mark.
// `profileErrors` checks them with the profile's own schema before anything is sent.
import { type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ENGLISH_VARIETIES,
  FRENCH_VARIETIES,
  LOGO_MAX_BYTES,
  OrganisationProfileSchema,
  varietiesOf,
  type OrganisationProfile,
} from '../../../shared/domain/organisation';
import { Field } from '../../components/form/Field';

export type ProfileErrors = Partial<Record<string, string>>;

type TextKey =
  | 'name.en'
  | 'name.fr'
  | 'website'
  | 'phone'
  | 'mediaContact.name'
  | 'mediaContact.email'
  | 'mediaContact.phone';

function read(p: OrganisationProfile, k: TextKey): string {
  const [a, b] = k.split('.') as [keyof OrganisationProfile, string?];
  const v = p[a];
  if (typeof v === 'string') return v;
  return b ? ((v as Record<string, string> | undefined)?.[b] ?? '') : '';
}

function write(p: OrganisationProfile, k: TextKey, value: string): OrganisationProfile {
  const [a, b] = k.split('.') as [keyof OrganisationProfile, string?];
  if (!b) return { ...p, [a]: value };
  return { ...p, [a]: { ...(p[a] as Record<string, string>), [b]: value } };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** The profile's problems by field, in the person's language (empty when it may be saved). */
export function profileErrors(t: TFunction, values: OrganisationProfile): ProfileErrors {
  const parsed = OrganisationProfileSchema.safeParse(values);
  if (parsed.success) return {};
  const found: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    const kind = issue.code === 'too_big' ? 'tooLong' : String(issue.path[issue.path.length - 1]);
    found[field] ??= t(`organisation:errors.${kind}`, { defaultValue: issue.message });
  }
  return found;
}

export function OrganisationFields({
  values,
  setValues,
  errors,
  setErrors,
  withStyle = true,
  nameRequired = false,
}: {
  values: OrganisationProfile;
  setValues(update: (v: OrganisationProfile) => OrganisationProfile): void;
  errors: ProfileErrors;
  setErrors(update: (e: ProfileErrors) => ProfileErrors): void;
  /** Ask the spelling of each language and the end mark too (Settings; setup leaves them for later). */
  withStyle?: boolean;
  /** The English name must be given (setup). */
  nameRequired?: boolean;
}) {
  const { t } = useTranslation('organisation');

  async function chooseLogo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!/^image\/(png|jpeg|gif)$/.test(file.type)) {
      setErrors((x) => ({ ...x, logo: t('errors.logoType') }));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors((x) => ({ ...x, logo: t('errors.logoSize') }));
      return;
    }
    const logo = await readAsDataUrl(file);
    setErrors((x) => Object.fromEntries(Object.entries(x).filter(([key]) => key !== 'logo')));
    setValues((v) => ({ ...v, logo }));
  }

  const input = (
    k: TextKey,
    opts: { hint?: string; type?: string; lang?: string; autoComplete?: string; required?: boolean } = {},
  ) => (
    <Field label={t(`fields.${k}`)} hint={opts.hint} error={errors[k]} required={opts.required}>
      {(control) => (
        <input
          {...control}
          type={opts.type ?? 'text'}
          lang={opts.lang}
          autoComplete={opts.autoComplete ?? 'off'}
          aria-required={opts.required || undefined}
          value={read(values, k)}
          onChange={(e) => setValues((v) => write(v, k, e.target.value))}
        />
      )}
    </Field>
  );

  const varieties = varietiesOf(values);
  const logoAlt = values.name.en || values.name.fr;
  return (
    <div className="form-section__body organisation-fields">
      {input('name.en', { hint: t('hints.name'), lang: 'en', required: nameRequired })}
      {input('name.fr', { lang: 'fr' })}
      {input('website', { hint: t('hints.website'), type: 'url' })}
      {input('phone', { type: 'tel' })}
      {input('mediaContact.name', { hint: t('hints.mediaContact') })}
      {input('mediaContact.email', { type: 'email' })}
      {input('mediaContact.phone', { type: 'tel' })}
      {withStyle ? (
        <>
          <Field label={t('fields.variety.en')} hint={t('hints.variety')}>
            {(control) => (
              <select
                {...control}
                value={varieties.en}
                onChange={(e) =>
                  setValues((v) => ({
                    ...v,
                    variety: { ...varieties, en: e.target.value as (typeof ENGLISH_VARIETIES)[number] },
                  }))
                }
              >
                {ENGLISH_VARIETIES.map((v) => (
                  <option key={v} value={v}>
                    {t(`varieties.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('fields.variety.fr')}>
            {(control) => (
              <select
                {...control}
                value={varieties.fr}
                onChange={(e) =>
                  setValues((v) => ({
                    ...v,
                    variety: { ...varieties, fr: e.target.value as (typeof FRENCH_VARIETIES)[number] },
                  }))
                }
              >
                {FRENCH_VARIETIES.map((v) => (
                  <option key={v} value={v}>
                    {t(`varieties.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field organisation-settings__check">
            <label>
              <input
                type="checkbox"
                checked={values.endMark === true}
                onChange={(e) => setValues((v) => ({ ...v, endMark: e.target.checked }))}
              />{' '}
              {t('fields.endMark')}
            </label>
          </div>
        </>
      ) : null}
      <Field label={t('fields.logo')} hint={t('hints.logo')} error={errors.logo}>
        {(control) => (
          <div className="organisation-settings__logo">
            {values.logo ? (
              <img
                src={values.logo}
                alt={logoAlt ? t('logoAlt', { name: logoAlt }) : t('logoAltNoName')}
                className="organisation-settings__preview"
              />
            ) : (
              <span className="muted">{t('noLogo')}</span>
            )}
            <input
              {...control}
              type="file"
              accept="image/png,image/jpeg,image/gif"
              onChange={(e) => void chooseLogo(e)}
            />
            {values.logo ? (
              <button
                type="button"
                className="button"
                onClick={() => setValues((v) => ({ ...v, logo: undefined }))}
              >
                {t('removeLogo')}
              </button>
            ) : null}
          </div>
        )}
      </Field>
    </div>
  );
}
