// The interface in English and French, switchable at run time. Each domain keeps its strings in its own
// namespace file (i18n/<lang>/<namespace>.json); the assessment engine's messages live with the engine's
// shared catalogue (src/shared/i18n) so that the command line renders them too. French strings get French
// punctuation as they load.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_CATALOGS } from '../../shared/i18n/catalogs';
import { frenchResource } from './french-punctuation';

const modules = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });

export const LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, mod] of Object.entries(modules)) {
  const [, lang, ns] = /\.\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
  if (lang && ns) (resources[lang] ??= {})[ns] = lang === 'fr' ? frenchResource(mod.default) : mod.default;
}
// The catalogs of the messages the core sends (the assessment's explanation, check messages …), shared
// with the CLI.
for (const [lang, namespaces] of Object.entries(MESSAGE_CATALOGS))
  for (const [ns, catalog] of Object.entries(namespaces))
    (resources[lang] ??= {})[ns] = lang === 'fr' ? frenchResource(catalog) : catalog;

const stored = localStorage.getItem('threshold.language');
const initial: UiLanguage =
  stored === 'fr' || stored === 'en' ? stored : navigator.language.startsWith('fr') ? 'fr' : 'en';

void i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = initial;

export function setLanguage(lang: UiLanguage): void {
  localStorage.setItem('threshold.language', lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** Locale for dates and numbers in the current UI language. */
export function uiLocale(): string {
  return i18next.language === 'fr' ? 'fr-CA' : 'en-CA';
}

export default i18next;
