// Sign-in refusals in the person's language. The services answer in English with a code; the codes that
// a person meets at the door are said here in English or French (the numbers are taken from the answer),
// and anything else is shown as the services said it.
import type { TFunction } from 'i18next';
import { ServiceError } from '../../api/bridge';

/** The first whole number in `text` after `after` (e.g. the seconds of a back-off), or null. */
export function numberAfter(text: string, after: RegExp): number | null {
  const match = new RegExp(`${after.source}\\D*(\\d+)`, after.flags).exec(text);
  return match ? Number(match[1]) : null;
}

export function signInErrorText(t: TFunction, err: unknown): string {
  if (!(err instanceof ServiceError)) return (err as Error).message;
  const { code, message } = err.shape;
  if (code === 'try-later') {
    const seconds = numberAfter(message, /again in/);
    // The team server also slows down an address that keeps failing, whatever names it tries.
    const key = /from this address/.test(message)
      ? 'session:signIn.tryLaterAddress'
      : 'session:signIn.tryLater';
    return seconds === null ? message : t(key, { count: seconds });
  }
  if (code === 'sign-in-refused') {
    const tries = numberAfter(message, /After/);
    const seconds = numberAfter(message, /waits/);
    return tries !== null && seconds !== null
      ? `${t('session:signIn.refused')} ${t('session:signIn.slowed', { count: tries, seconds })}`
      : t('session:signIn.refused');
  }
  return err.message;
}
