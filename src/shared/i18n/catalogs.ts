// Catalogs of the messages the core emits (src/shared/domain/message.ts) and of the services' refusals
// (errors, see ./error-text.ts), per language and namespace.
// The renderer adds them to its own resources; the CLI loads them into its i18next instance.
import checksEn from './en/checks.json';
import checksFr from './fr/checks.json';
import errorsEn from './en/errors.json';
import errorsFr from './fr/errors.json';
import engineEn from './en/engine.json';
import engineFr from './fr/engine.json';
import planEn from './en/plan.json';
import planFr from './fr/plan.json';

export const MESSAGE_LANGUAGES = ['en', 'fr'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGE_CATALOGS: Record<MessageLanguage, Record<string, Record<string, unknown>>> = {
  en: { checks: checksEn, errors: errorsEn, engine: engineEn, plan: planEn },
  fr: { checks: checksFr, errors: errorsFr, engine: engineFr, plan: planFr },
};
