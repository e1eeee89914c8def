// "Communications settings": the organisation profile the templates need, validated before it is sent.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OrgProfileSchema,
  EMPTY_ORG_PROFILE,
  type OrgProfile,
} from '../../../shared/domain/drafting-records';
import { ServiceError } from '../../api/bridge';
import { fieldErrors, problemsOfIssues } from '../../components/form/problems';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';

type FieldKey =
  | 'authorityName.en'
  | 'authorityName.fr'
  | 'website'
  | 'phone'
  | 'mediaContact.name'
  | 'mediaContact.phone'
  | 'mediaContact.email';

function read(p: OrgProfile, k: FieldKey): string {
  const [a, b] = k.split('.') as [keyof OrgProfile, string?];
  const v = p[a];
  return typeof v === 'string' ? v : ((v as Record<string, string>)[b!] ?? '');
}

function write(p: OrgProfile, k: FieldKey, value: string): OrgProfile {
  const [a, b] = k.split('.') as [keyof OrgProfile, string?];
  if (!b) return { ...p, [a]: value };
  return { ...p, [a]: { ...(p[a] as Record<string, string>), [b]: value } };
}

export function CommsSettings() {
  const { t } = useTranslation('drafting');
  const profile = useStore((s) => s.draftingProfile);
  const load = useStore((s) => s.loadDraftingProfile);
  const save = useStore((s) => s.saveDraftingProfile);
  const pushToast = useStore((s) => s.pushToast);
  const [values, setValues] = useState<OrgProfile>(EMPTY_ORG_PROFILE);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (profile) setValues(profile);
  }, [profile]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const parsed = OrgProfileSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(problemsOfIssues(parsed.error.issues), t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save(parsed.data);
      pushToast({ message: { key: 'drafting:settings.saved' } });
    } catch (err) {
      setFailure(err instanceof ServiceError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const input = (
    k: FieldKey,
    label: string,
    opts: { hint?: string; type?: string; lang?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      label={label}
      hint={opts.hint}
      error={errors[k]}
      type={opts.type}
      lang={opts.lang}
      autoComplete={opts.autoComplete}
      value={read(values, k)}
      onChange={(v) => setValues((s) => write(s, k, v))}
    />
  );

  const errorCount = Object.keys(errors).length;
  return (
    <form
      className="form-section comms-settings"
      aria-labelledby="comms-settings-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="comms-settings-title">{t('settings.title')}</h2>
      <p className="form-section__hint">{t('settings.lead')}</p>
      {errorCount > 0 ? (
        <div className="notice notice--error" role="alert">
          {t('settings.invalid')}{' '}
          {Object.keys(errors)
            .map((k) => t(`settings.fields.${k}`))
            .join(', ')}
        </div>
      ) : null}
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-section__body">
        {input('authorityName.en', t('settings.authorityEn'), {
          hint: t('settings.authorityHint'),
          lang: 'en',
        })}
        {input('authorityName.fr', t('settings.authorityFr'), { lang: 'fr' })}
        {input('website', t('settings.website'), {
          hint: t('settings.websiteHint'),
          type: 'url',
          autoComplete: 'url',
        })}
        {input('phone', t('settings.phone'), { type: 'tel' })}
        {input('mediaContact.name', t('settings.mediaName'))}
        {input('mediaContact.phone', t('settings.mediaPhone'), { type: 'tel' })}
        {input('mediaContact.email', t('settings.mediaEmail'), { type: 'email' })}
      </div>
      <div className="form-actions comms-settings__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
