// The audit log in words: action names and detail labels in the interface language, and the CSV export.
import type { TFunction } from 'i18next';
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { AuditEntryView } from '../../../shared/domain/audit';

/** "threat.created" → "Threat recorded"; an action this version does not name reads as words. */
export function actionName(action: string, t: TFunction): string {
  const fallback = action.replace(/[._-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return t(`audit:actions>${action}`, { defaultValue: fallback, keySeparator: '>' });
}

/** "recommendedLevel" → "Recommended level" (or its translation). */
export function detailLabel(key: string, t: TFunction): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());
  return t(`audit:detail.${key}`, { defaultValue: words });
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LEVEL_KEYS = new Set(['level', 'recommendedLevel', 'from', 'to']);

/** A detail value as text: levels and booleans in words, lists joined, and a record's fields as labelled
 *  pairs ("Created: 13 · Updated: 0"), never raw JSON. */
export function detailValue(key: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('audit:yes') : t('audit:no');
  if (typeof value === 'string' && ISO_DATE_TIME.test(value))
    return new Intl.DateTimeFormat(t('audit:locale'), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(value),
    );
  if (typeof value === 'string')
    return LEVEL_KEYS.has(key) ? t(`enums:level.${value}`, { defaultValue: value }) : value;
  if (typeof value === 'number') return value.toLocaleString(t('audit:locale'));
  if (Array.isArray(value))
    return value
      .map((v) => detailValue(key, v, t))
      .join(value.some((v) => typeof v === 'object' && v !== null) ? '; ' : ', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => t('audit:pair', { label: detailLabel(k, t), value: detailValue(k, v, t) }))
      .join(' · ');
  return String(value as string);
}

export function detailEntries(details: unknown): [string, unknown][] {
  if (details && typeof details === 'object' && !Array.isArray(details)) return Object.entries(details);
  return details === null || details === undefined ? [] : [['value', details]];
}

/** A spreadsheet runs a cell starting with = + - @ as a formula: such cells get a leading apostrophe. */
const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function auditCsv(entries: readonly AuditEntryView[], t: TFunction): string {
  const header = ['seq', 'at', 'who', 'role', 'action', 'actionName', 'subject', 'details', 'hash'].map((k) =>
    t(`audit:csv.${k}`),
  );
  const rows = entries.map((e) =>
    [
      String(e.seq),
      e.at,
      e.actor ?? '',
      e.role ?? '',
      e.action,
      actionName(e.action, t),
      e.subject ?? '',
      JSON.stringify(e.details ?? null),
      e.hash,
    ].map(neutralise),
  );
  // A byte-order mark, so that spreadsheets read the accents as UTF-8.
  return `\uFEFF${stringify([header, ...rows])}`;
}
