// Channels and languages as people read them: labels for the codes a threat stores ("x" → "X (Twitter)",
// "pa" → "Punjabi" / "pendjabi"), and the lists the pickers offer.
import type { TFunction } from 'i18next';
import { uiLocale } from '../i18n';
import type { Option } from '../components/form/SelectField';

/** Channels the pickers offer first; a threat may store others. */
export const KNOWN_CHANNELS = [
  'x',
  'facebook',
  'instagram',
  'tiktok',
  'youtube',
  'telegram',
  'whatsapp',
  'wechat',
  'reddit',
  'website',
  'email',
  'sms',
  'robocall',
  'broadcast',
  'print',
  'in-person',
] as const;

/** Languages the pickers offer first: the official languages, then those most spoken in the country. */
export const KNOWN_LANGUAGES = [
  'en',
  'fr',
  'zh',
  'pa',
  'ar',
  'es',
  'tl',
  'it',
  'de',
  'pt',
  'ur',
  'fa',
  'ru',
  'hi',
  'ta',
  'iu',
  'cr',
] as const;

export function channelLabel(code: string, t: TFunction): string {
  return t(`enums:channel.${code}`, { defaultValue: code });
}

let namesFor = '';
let names: Intl.DisplayNames | null = null;

/** "fr" → "French" (or "français" in the French interface); an unknown code stays as it is. */
export function languageLabel(code: string): string {
  const locale = uiLocale();
  if (namesFor !== locale) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    namesFor = locale;
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

export const channelOptions = (t: TFunction): Option[] =>
  KNOWN_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }));

export const languageOptions = (): Option[] =>
  KNOWN_LANGUAGES.map((c) => ({ value: c, label: languageLabel(c) }));
