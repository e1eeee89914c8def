// Nobody is signed in here: the sign-in, with the organisation's name to say where one is.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { DoorLayout } from './DoorLayout';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const { t, i18n } = useTranslation('session');
  const organisation = useStore((s) => s.session?.organisation ?? null);
  const orgName = organisation ? (i18n.language === 'fr' && organisation.fr) || organisation.en : null;
  return (
    <DoorLayout organisation={orgName}>
      <section className="door__card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p>{t('signIn.lead')}</p>
        {/* The session gate shows the app once the services say who is signed in. */}
        <SignInForm onSignedIn={() => undefined} />
      </section>
    </DoorLayout>
  );
}
