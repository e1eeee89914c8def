// The sentences of the services' refusals (AppError), as ids of one catalog in English and French
// (./en/errors.json is the list of ids; ./fr/errors.json must have each). The interface and the CLI render
// them with i18next in the person's language; the English is also the error's `message`, for logs.
import type { ErrorParams } from '../errors';
import { translatorFor } from './message-text';
import type { MessageLanguage } from './catalogs';
import type { Translate } from './render-message';

export { englishErrorText, type ErrorMessageId, type ErrorParams } from '../errors';

/** The catalog's namespace: "errors:<id>". */
export const ERRORS_NAMESPACE = 'errors';

/** What an error needs to be said: its code, and (from the services) its id and parameters. */
export interface SayableError {
  code: string;
  message: string;
  messageId?: string;
  params?: ErrorParams;
}

/**
 * The error in the language of `t`: its sentence from the catalog, else the sentence of its code, else its
 * English message (an error from an older server, or one the catalog does not know).
 */
export function errorText(t: Translate, error: SayableError): string {
  const fallback = t(`${ERRORS_NAMESPACE}:code/${error.code}`, { defaultValue: error.message });
  if (!error.messageId) return error.message || fallback;
  return t(`${ERRORS_NAMESPACE}:${error.messageId}`, {
    ...error.params,
    defaultValue: error.message || fallback,
  });
}

/** The sentence in one of the languages of the catalog (the CLI's --lang). */
export function errorTextIn(lang: MessageLanguage, error: SayableError): string {
  return errorText(translatorFor(lang), error);
}
