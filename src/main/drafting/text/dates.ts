// Calendar dates (YYYY-MM-DD) without time zones: the election calendar is in local dates, and the "as of"
// date-time is read in its own offset (its first ten characters).
import type { DraftLang } from '../../../shared/domain/drafting';

export function dateOf(dateTime: string): string {
  return dateTime.slice(0, 10);
}

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

const MONTHS: Record<DraftLang, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/**
 * The one date style of a document, per language: "May 17, 2027" / "17 mai 2027" ("1er mai 2027"), written
 * out as plain-language guides advise, without the weekday.
 */
export function formatDate(date: string, lang: DraftLang): string {
  const t = new Date(utc(date));
  const day = t.getUTCDate();
  const month = MONTHS[lang][t.getUTCMonth()] ?? '';
  const year = t.getUTCFullYear();
  if (lang === 'fr') return `${day === 1 ? '1er' : day} ${month} ${year}`;
  return `${month} ${day}, ${year}`;
}
