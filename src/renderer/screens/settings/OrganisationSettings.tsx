// Settings → Organisation: who speaks in the drafts. The organisation's name in each language, its website
// and phone line, the media contact, an optional logo (shown with the name as its alternative text), the
// spelling each language follows, and whether releases end with "-30-". Validated before it is sent; the
// service validates again.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationProfileSchema, type OrganisationProfile } from '../../../shared/domain/organisation';
import { api, call, ServiceError } from '../../api/bridge';
import { useStore } from '../../store';
import { OrganisationFields, profileErrors, type ProfileErrors } from './OrganisationFields';
import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';

export function OrganisationSettings() {
  const { t } = useTranslation('organisation');
  const pushToast = useStore((s) => s.pushToast);
  // Null until the stored profile arrives: nothing can be typed into a form that is about to be filled.
  const [values, setValues] = useState<OrganisationProfile | null>(null);
  const [errors, setErrors] = useState<ProfileErrors>({});
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
    if (!values) return;
    setFailure(null);
    const parsed = OrganisationProfileSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(profileErrors(t, values));
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

  const errorKeys = Object.keys(errors);
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
      <ErrorNotice error={failure} />
      {values ? (
        <>
          <OrganisationFields
            values={values}
            setValues={(update) => setValues((v) => (v ? update(v) : v))}
            errors={errors}
            setErrors={setErrors}
          />
          <FormActions save={t('save')} busy={busy} />
        </>
      ) : failure ? null : (
        <p role="status" aria-busy="true">
          {t('loading')}
        </p>
      )}
    </form>
  );
}
