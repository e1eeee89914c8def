// The CLI's messages in the person's language: `--lang en|fr` (before or after the command), else
// THRESHOLD_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. Messages from the core
// (src/shared/domain/message.ts) are rendered with the same catalogs and function as in the app.
import type { Message } from '../shared/domain/message';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../shared/i18n/catalogs';
import { translatorFor } from '../shared/i18n/message-text';
import { renderMessage, type Translate } from '../shared/i18n/render-message';

export type CliLanguage = MessageLanguage;

export function isCliLanguage(value: string): value is CliLanguage {
  return (MESSAGE_LANGUAGES as readonly string[]).includes(value);
}

/** The language from the environment when --lang is not given. */
export function languageFromEnv(env: NodeJS.ProcessEnv): CliLanguage {
  const chosen = env.THRESHOLD_LANG?.trim().toLowerCase();
  if (chosen && isCliLanguage(chosen)) return chosen;
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return locale.startsWith('fr') ? 'fr' : 'en';
}

export interface CliTranslator {
  lang: CliLanguage;
  t: Translate;
  /** A core message as text in this language. */
  render(m: Message): string;
}

export function cliTranslator(lang: CliLanguage): CliTranslator {
  const t = translatorFor(lang);
  return { lang, t, render: (m) => renderMessage(t, m) };
}
