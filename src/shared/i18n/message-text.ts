// A core message as text in one language, for code that has no interface of its own to translate with
// (the English of a document, a log line): one small i18next instance per language, made once.
import i18next, { type i18n } from 'i18next';
import type { Message } from '../domain/message';
import { MESSAGE_CATALOGS, type MessageLanguage } from './catalogs';
import { renderMessage, type Translate } from './render-message';

const instances = new Map<MessageLanguage, Translate>();

export function translatorFor(lang: MessageLanguage): Translate {
  let t = instances.get(lang);
  if (!t) {
    const instance: i18n = i18next.createInstance();
    void instance.init({
      resources: MESSAGE_CATALOGS,
      lng: lang,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    t = (key, options) => instance.t(key, options as never) as unknown as string;
    instances.set(lang, t);
  }
  return t;
}

/** The message as text in `lang` (a text stored before messages existed is given back as it is). */
export function messageText(m: Message | string, lang: MessageLanguage = 'en'): string {
  return typeof m === 'string' ? m : renderMessage(translatorFor(lang), m);
}
