// First run: nothing works before it is done. The organisation's profile (the same fields as Settings →
// Organisation), the first administrator (name and a passphrase the services judge strong enough, with
// their reasons when it is not), and the sample workspace if wanted. The services then create the
// encrypted database and answer a recovery key, shown here once; the app opens when the person says they
// have kept it.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountNameSchema } from '../../../shared/domain/accounts';
import { EMPTY_ORGANISATION_PROFILE, type OrganisationProfile } from '../../../shared/domain/organisation';
import type { SetupReport } from '../../../shared/domain/session';
import { api, call } from '../../api/bridge';
import { TextField } from '../../components/form/TextField';
import { useStore } from '../../store';
import { DoorLayout } from '../session/DoorLayout';
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblem,
  type NewPassphrase,
} from '../session/NewPassphraseFields';
import { OrganisationFields, profileErrors, type ProfileErrors } from '../settings/OrganisationFields';
import '../settings/settings.css';
import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';

export function SetupScreen() {
  const { t } = useTranslation(['setup', 'organisation', 'session']);
  const [profile, setProfile] = useState<OrganisationProfile>(EMPTY_ORGANISATION_PROFILE);
  const [profileProblems, setProfileProblems] = useState<ProfileErrors>({});
  const [adminName, setAdminName] = useState('');
  const [adminNameError, setAdminNameError] = useState<string | undefined>();
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [sample, setSample] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SetupReport | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const problems = profileErrors(t, profile);
    if (!profile.name.en.trim()) problems['name.en'] = t('setup:nameRequired');
    const nameCheck = AccountNameSchema.safeParse(adminName);
    const nameProblem = nameCheck.success ? undefined : t('setup:adminNameRequired');
    setProfileProblems(problems);
    setAdminNameError(nameProblem);
    if (Object.keys(problems).length || nameProblem || newPassphraseProblem(passphrase)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const done = await call(
        api.setup.run({
          organisation: profile,
          administrator: { name: adminName.trim(), passphrase: passphrase.passphrase },
          sample,
        }),
      );
      setReport(done);
    } catch (err) {
      setFailure((err as Error).message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (report) return <RecoveryKey report={report} />;

  const invalid = [
    ...Object.keys(profileProblems).map((k) => t(`organisation:fields.${k}`, { defaultValue: k })),
    ...(adminNameError ? [t('setup:administrator.name')] : []),
    ...(submitted && newPassphraseProblem(passphrase) ? [t('setup:administrator.passphrase')] : []),
  ];
  return (
    <DoorLayout wide>
      <form
        className="setup"
        aria-labelledby="setup-title"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="setup-form"
      >
        <h1 id="setup-title">{t('setup:title')}</h1>
        <p className="setup__lead">{t('setup:lead')}</p>
        <div ref={summaryRef} tabIndex={-1} className="setup__summary">
          {invalid.length > 0 ? (
            <p className="notice notice--error" role="alert">
              {t('setup:invalid')} {invalid.join(', ')}
            </p>
          ) : null}
          <ErrorNotice error={failure} />
        </div>
        <fieldset className="setup__part">
          <legend>{t('setup:organisation.title')}</legend>
          <p className="field__hint">{t('setup:organisation.hint')}</p>
          <OrganisationFields
            values={profile}
            setValues={setProfile}
            errors={profileProblems}
            setErrors={setProfileProblems}
            withStyle={false}
            nameRequired
          />
        </fieldset>
        <fieldset className="setup__part">
          <legend>{t('setup:administrator.title')}</legend>
          <p className="field__hint">{t('setup:administrator.hint')}</p>
          <div className="setup__administrator">
            <TextField
              label={t('setup:administrator.name')}
              error={adminNameError}
              required
              autoComplete="name"
              value={adminName}
              onChange={setAdminName}
            />
            <NewPassphraseFields
              value={passphrase}
              onChange={setPassphrase}
              name={adminName}
              label={t('setup:administrator.passphrase')}
              showErrors={submitted}
            />
          </div>
        </fieldset>
        <fieldset className="setup__part">
          <legend>{t('setup:sample.title')}</legend>
          <div className="field">
            <label className="setup__check">
              <input
                type="checkbox"
                checked={sample}
                aria-describedby="setup-sample-hint"
                onChange={(e) => setSample(e.target.checked)}
              />{' '}
              {t('setup:sample.label')}
            </label>
            <p id="setup-sample-hint" className="field__hint">
              {t('setup:sample.hint')}
            </p>
          </div>
        </fieldset>
        <FormActions save={busy ? t('setup:working') : t('setup:submit')} busy={busy} />
      </form>
    </DoorLayout>
  );
}

/** The recovery key, once; the app opens when the person says they kept it. */
function RecoveryKey({ report }: { report: SetupReport }) {
  const { t } = useTranslation('setup');
  const setSession = useStore((s) => s.setSession);
  const [kept, setKept] = useState(false);
  const [nudge, setNudge] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new heading, so that a screen reader reads what happened.
  const focusHeading = (el: HTMLHeadingElement | null) => {
    if (el && headingRef.current !== el) {
      headingRef.current = el;
      el.focus();
    }
  };
  return (
    <DoorLayout>
      <section className="door__card recovery-key" aria-labelledby="recovery-title">
        <h1 id="recovery-title" ref={focusHeading} tabIndex={-1}>
          {t('recovery.title')}
        </h1>
        <p>{t('recovery.lead', { name: report.administrator.name })}</p>
        <h2 className="recovery-key__label" id="recovery-key-label">
          {t('recovery.key')}
        </h2>
        <p className="recovery-key__value" data-testid="recovery-key">
          <code>{report.recoveryKey}</code>
        </p>
        {report.plainBackup ? (
          <p className="notice notice--warning">{t('recovery.plainBackup', { file: report.plainBackup })}</p>
        ) : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!kept) return setNudge(true);
            setSession(report.status);
          }}
          noValidate
        >
          <div className="field">
            <label className="setup__check">
              <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />{' '}
              {t('recovery.confirm')}
            </label>
            {nudge && !kept ? (
              <p className="field__error" role="alert">
                {t('recovery.confirmFirst')}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('recovery.continue')}
            </button>
          </div>
        </form>
      </section>
    </DoorLayout>
  );
}
