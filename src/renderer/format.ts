// Dates and numbers formatted for the UI language.
import { uiLocale } from './i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLocale(), {
    dateStyle: 'medium',
    timeZone: iso.length === 10 ? 'UTC' : undefined,
  }).format(d);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(uiLocale()).format(n);
}

/** The date and the time of a table cell apart, so that a cell that wraps breaks between them, never inside
 *  "22 h 00". */
export function formatDateAndTimeShort(iso: string | null | undefined): [string, string] {
  if (!iso) return ['—', ''];
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return [iso, ''];
  return [
    new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short' }).format(d),
    new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' }).format(d),
  ];
}
