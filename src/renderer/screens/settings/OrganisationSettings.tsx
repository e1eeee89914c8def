// Settings → Organisation: who speaks in the drafts. The organisation's name in each language, its website
// and phone line, the media contact, an optional logo (shown with the name as its alternative text), the
// spelling each language follows, and whether releases end with "-30-". Validated before it is sent; the
// service validates again.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMPTY_ORGANISATION_PROFILE,
  ENGLISH_VARIETIES,
  FRENCH_VARIETIES,
  LOGO_MAX_BYTES,
  OrganisationProfileSchema,
  varietiesOf,
  type OrganisationProfile,
} from '../../../shared/domain/organisation';
import { api, call, ServiceError } from '../../api/bridge';
import { CheckboxField } from '../../components/form/CheckboxField';
import { Field } from '../../components/form/Field';
import { fieldErrors, problemsOfIssues } from '../../components/form/problems';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';

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

export function OrganisationSettings() {
  const { t } = useTranslation('organisation');
  const pushToast = useStore((s) => s.pushToast);
  const [values, setValues] = useState<OrganisationProfile>(EMPTY_ORGANISATION_PROFILE);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  useEffect(() => {
    call(api.profile.get({}))
      .then(setValues)
      .catch((err: unknown) => setFailure((err as Error).message));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const parsed = OrganisationProfileSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(problemsOfIssues(parsed.error.issues), t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setValues(await call(api.profile.set({ profile: parsed.data })));
      pushToast({ message: { key: 'organisation:saved' } });
    } catch (err) {
      setFailure(err instanceof ServiceError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

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
    opts: { hint?: string; type?: string; lang?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      label={t(`fields.${k}`)}
      hint={opts.hint}
      error={errors[k]}
      type={opts.type}
      lang={opts.lang}
      autoComplete={opts.autoComplete}
      value={read(values, k)}
      onChange={(value) => setValues((v) => write(v, k, value))}
    />
  );

  const varieties = varietiesOf(values);
  const errorKeys = Object.keys(errors);
  const logoAlt = values.name.en || values.name.fr;
  return (
    <form
      className="form-section organisation-settings"
      aria-labelledby={`${ids}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="organisation-settings"
    >
      <h2 id={`${ids}-title`}>{t('title')}</h2>
      <p className="form-section__hint">{t('lead')}</p>
      {errorKeys.length > 0 ? (
        <div className="notice notice--error" role="alert">
          {t('invalid')} {errorKeys.map((k) => t(`fields.${k}`, { defaultValue: k })).join(', ')}
        </div>
      ) : null}
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-section__body">
        {input('name.en', { hint: t('hints.name'), lang: 'en' })}
        {input('name.fr', { lang: 'fr' })}
        {input('website', { hint: t('hints.website'), type: 'url' })}
        {input('phone', { type: 'tel' })}
        {input('mediaContact.name', { hint: t('hints.mediaContact') })}
        {input('mediaContact.email', { type: 'email' })}
        {input('mediaContact.phone', { type: 'tel' })}
        <SelectField
          label={t('fields.variety.en')}
          hint={t('hints.variety')}
          value={varieties.en}
          onChange={(en) => en && setValues((v) => ({ ...v, variety: { ...varieties, en } }))}
          options={ENGLISH_VARIETIES.map((v) => ({ value: v, label: t(`varieties.${v}`) }))}
        />
        <SelectField
          label={t('fields.variety.fr')}
          value={varieties.fr}
          onChange={(fr) => fr && setValues((v) => ({ ...v, variety: { ...varieties, fr } }))}
          options={FRENCH_VARIETIES.map((v) => ({ value: v, label: t(`varieties.${v}`) }))}
        />
        <CheckboxField
          className="organisation-settings__check"
          label={t('fields.endMark')}
          checked={values.endMark === true}
          onChange={(endMark) => setValues((v) => ({ ...v, endMark }))}
        />
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
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
