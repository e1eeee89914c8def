// The threat form's values (strings, as inputs hold them) and the conversions to and from a
// contract threat, driven by the field table (src/shared/domain/threat-fields.ts): each field with a
// form input is converted by its kind. Pure, so it is tested without a browser. Fields the form does
// not show are kept from the threat being edited, so editing never drops data.
import type {
  Classification,
  Purpose,
  ThreatType,
  TargetKind,
  PlaceLevel,
  Actor,
  Confidence,
  Trend,
  ThreatStatus,
} from '../../../shared/domain/enums';
import { jsonPath } from '../../../shared/domain/location';
import { getPath } from '../../../shared/domain/paths';
import { FORM_FIELD_OF_PATH } from '../../../shared/domain/threat-field-index';
import { CONTEXT_FLAG_NAMES, THREAT_FIELDS, type ThreatField } from '../../../shared/domain/threat-fields';
import { ThreatSchema, type Threat } from '../../../shared/domain/workspace';

export interface NoteValues {
  classification: Classification;
  text: string;
}

export interface ThreatFormValues {
  id: string;
  electionId: string;
  title: string;
  summary: string;
  purpose: Purpose | '';
  type: ThreatType | '';
  targetKind: TargetKind | '';
  targetDescription: string;
  firstSeen: string;
  lastSeen: string;
  placeLevel: PlaceLevel | '';
  regions: string;
  channels: string;
  languages: string;
  actor: Actor | '';
  sourceName: string;
  confidence: Confidence | '';
  breakout: string;
  audience: string;
  trend: Trend | '';
  falseClaim: string;
  facts: string;
  partnerActions: string;
  status: ThreatStatus | '';
  relatedIds: string;
  frTitle: string;
  frSummary: string;
  frFalseClaim: string;
  frFacts: string;
  notes: NoteValues[];
  debunkedByPartner: boolean;
  investigationSensitive: boolean;
  nationalSecurityImplications: boolean;
  disarmTechniques: string;
}

/** `2027-05-12T08:00` in the user's time zone, as <input type="datetime-local"> holds it. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string, original: string | undefined): string | undefined {
  if (!value) return undefined;
  // Untouched: keep the original text (and its time zone) exactly.
  if (original && toLocalInput(original) === value) return original;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const splitList = (s: string, sep = /[,;\n]/) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);
const splitLines = (s: string) => splitList(s, /\n/);

/** Fields whose form inputs are converted by hand below (identity, translations, notes, flags). */
const BY_HAND = new Set(['id', 'electionId', 'translations', 'classifiedNotes', 'context']);
/** The fields the form shows as inputs of their own, converted by their kind. */
const FORM_FIELDS = THREAT_FIELDS.filter(
  (f): f is ThreatField & { form: string } => f.form !== undefined && !BY_HAND.has(f.path),
);
/** The French translation's fields and their inputs. */
const FRENCH = [
  ['title', 'frTitle'],
  ['summary', 'frSummary'],
  ['falseClaim', 'frFalseClaim'],
  ['facts', 'frFacts'],
] as const;

/** A field's value as its input holds it. */
function toInput(f: Pick<ThreatField, 'kind' | 'lines'>, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (f.kind === 'datetime') return toLocalInput(value as string);
  if (f.kind === 'list') return (value as string[]).join(f.lines ? '\n' : ', ');
  return String(value);
}

/** What an input holds as the field's value (undefined: empty). */
function fromInput(f: ThreatField, input: string, original: unknown): unknown {
  switch (f.kind) {
    case 'datetime':
      return fromLocalInput(input, original as string | undefined);
    case 'int':
      return input.trim() === '' ? undefined : Number(input.replace(/[\s,]/g, ''));
    case 'list': {
      const items = f.lines ? splitLines(input) : splitList(input);
      if (f.normalize === 'lowercase') return items.map((x) => x.toLowerCase());
      if (f.normalize === 'uppercase') return items.map((x) => x.toUpperCase());
      return items;
    }
    case 'enum':
      return input || undefined;
    default:
      return input.trim();
  }
}

export function emptyValues(electionId: string, now = new Date()): ThreatFormValues {
  const values: Record<string, unknown> = { id: '', electionId, notes: [] };
  for (const f of FORM_FIELDS) values[f.form] = '';
  for (const [, input] of FRENCH) values[input] = '';
  for (const flag of CONTEXT_FLAG_NAMES) values[flag] = false;
  values.firstSeen = toLocalInput(now.toISOString());
  values.status = 'new';
  return values as unknown as ThreatFormValues;
}

export function toFormValues(t: Threat): ThreatFormValues {
  const fr = t.translations?.fr;
  const values: Record<string, unknown> = {
    id: t.id,
    electionId: t.electionId,
    notes: (t.classifiedNotes ?? []).map((n) => ({ classification: n.classification, text: n.text })),
  };
  for (const f of FORM_FIELDS) values[f.form] = toInput(f, getPath(t, f.path));
  for (const [key, input] of FRENCH)
    values[input] = toInput({ kind: key === 'facts' ? 'list' : 'text', lines: true }, fr?.[key]);
  for (const flag of CONTEXT_FLAG_NAMES) values[flag] = t.context?.[flag] ?? false;
  return values as unknown as ThreatFormValues;
}

/** Sets `key` to `value`, or removes it when the value is empty, keeping the object's other keys. */
function put<T extends object>(obj: T, key: string, value: unknown): T {
  const out = { ...obj } as Record<string, unknown>;
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete out[key];
  else out[key] = value;
  return out as T;
}

/** `put` at a path, copying the objects on the way (a required value is kept even when empty, so that
 *  the validation says it is missing). */
function putPath(
  obj: Record<string, unknown>,
  keys: readonly string[],
  value: unknown,
  required: boolean,
): Record<string, unknown> {
  const [key = '', ...rest] = keys;
  if (rest.length === 0) return required ? { ...obj, [key]: value } : put(obj, key, value);
  const inner = obj[key];
  const copy = typeof inner === 'object' && inner !== null ? { ...(inner as Record<string, unknown>) } : {};
  return { ...obj, [key]: putPath(copy, rest, value, required) };
}

/** Builds the threat to save. `base` is the threat being edited: unknown fields survive. */
export function fromFormValues(v: ThreatFormValues, base?: Threat): Record<string, unknown> {
  const inputs = v as unknown as Record<string, string>;
  let t: Record<string, unknown> = { ...(base ?? {}) };
  t = put(t, 'id', v.id.trim() || base?.id);
  t.electionId = v.electionId;
  for (const f of FORM_FIELDS) {
    const value = fromInput(f, inputs[f.form] ?? '', base ? getPath(base, f.path) : undefined);
    t = putPath(t, f.path.split('.'), value, f.required ?? false);
  }

  const otherTranslations = { ...(base?.translations ?? {}) };
  let fr: Record<string, unknown> = { ...(otherTranslations.fr ?? {}) };
  for (const [key, input] of FRENCH)
    fr = put(fr, key, key === 'facts' ? splitLines(v[input]) : v[input].trim());
  if (Object.keys(fr).length) otherTranslations.fr = fr;
  else delete otherTranslations.fr;
  t = put(t, 'translations', Object.keys(otherTranslations).length ? otherTranslations : undefined);

  const notes = v.notes
    .filter((n) => n.text.trim())
    .map((n) => ({ classification: n.classification, text: n.text.trim() }));
  t = put(t, 'classifiedNotes', notes.length ? notes : base?.classifiedNotes?.length === 0 ? [] : undefined);

  let context: Record<string, unknown> = { ...(base?.context ?? {}) };
  for (const key of CONTEXT_FLAG_NAMES) context = put(context, key, v[key] ? true : undefined);
  t = put(t, 'context', Object.keys(context).length ? context : undefined);
  return t;
}

export type FormErrors = Partial<Record<string, string>>;

/** Maps contract paths to the form field that shows them (the field table's, and the French inputs). */
const FIELD_OF: Record<string, string> = {
  ...FORM_FIELD_OF_PATH,
  ...Object.fromEntries(FRENCH.map(([key, input]) => [`translations.fr.${key}`, input])),
};

export function validate(
  candidate: Record<string, unknown>,
  isNew: boolean,
): { threat?: Threat; errors: FormErrors } {
  const schema = isNew ? ThreatSchema.extend({ id: ThreatSchema.shape.id.optional() }) : ThreatSchema;
  const parsed = schema.safeParse(candidate);
  if (parsed.success) {
    const t = parsed.data as Threat;
    if (t.time.lastSeen && new Date(t.time.lastSeen) < new Date(t.time.firstSeen)) {
      return { errors: { lastSeen: 'lastBeforeFirst' } };
    }
    return { threat: t, errors: {} };
  }
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    const field =
      FIELD_OF[path] ??
      Object.entries(FIELD_OF).find(([p]) => path.startsWith(`${p}.`))?.[1] ??
      path.split('.')[0] ??
      jsonPath(issue.path);
    errors[field] ??=
      issue.code === 'invalid_value' || issue.code === 'invalid_type' ? 'required' : issue.message;
  }
  return { errors };
}
