// The threat form's values (strings, as inputs hold them) and the conversions to and from a
// contract threat. Pure, so it is tested without a browser. Fields the form does not show are
// kept from the threat being edited, so editing never drops data.
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
import { problemOfIssue } from '../../../shared/domain/problems';
import { FORM_FIELD_OF_PATH } from '../../../shared/domain/threat-field-index';
import { CONTEXT_FLAG_NAMES } from '../../../shared/domain/threat-fields';
import type { ProblemLocation } from '../../../shared/errors';
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
  /** Channel codes ("x", "facebook"), picked from a labelled list. */
  channels: string[];
  /** Language codes ("en", "fr"), picked from a labelled list. */
  languages: string[];
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

export function emptyValues(electionId: string, now = new Date()): ThreatFormValues {
  return {
    id: '',
    electionId,
    title: '',
    summary: '',
    purpose: '',
    type: '',
    targetKind: '',
    targetDescription: '',
    firstSeen: toLocalInput(now.toISOString()),
    lastSeen: '',
    placeLevel: '',
    regions: '',
    channels: [],
    languages: [],
    actor: '',
    sourceName: '',
    confidence: '',
    breakout: '',
    audience: '',
    trend: '',
    falseClaim: '',
    facts: '',
    partnerActions: '',
    status: 'new',
    relatedIds: '',
    frTitle: '',
    frSummary: '',
    frFalseClaim: '',
    frFacts: '',
    notes: [],
    debunkedByPartner: false,
    investigationSensitive: false,
    nationalSecurityImplications: false,
    disarmTechniques: '',
  };
}

export function toFormValues(t: Threat): ThreatFormValues {
  const fr = t.translations?.fr;
  return {
    id: t.id,
    electionId: t.electionId,
    title: t.title,
    summary: t.summary,
    purpose: t.purpose,
    type: t.type,
    targetKind: t.target.kind,
    targetDescription: t.target.description ?? '',
    firstSeen: toLocalInput(t.time.firstSeen),
    lastSeen: toLocalInput(t.time.lastSeen),
    placeLevel: t.place.level,
    regions: (t.place.regions ?? []).join(', '),
    channels: [...(t.place.channels ?? [])],
    languages: [...(t.place.languages ?? [])],
    actor: t.source.actor,
    sourceName: t.source.name ?? '',
    confidence: t.source.confidence,
    breakout: String(t.reach.breakout),
    audience: t.reach.estimatedAudience === undefined ? '' : String(t.reach.estimatedAudience),
    trend: t.reach.trend ?? '',
    falseClaim: t.falseClaim ?? '',
    facts: (t.facts ?? []).join('\n'),
    partnerActions: (t.partnerActions ?? []).join('\n'),
    status: t.status ?? '',
    relatedIds: (t.relatedIds ?? []).join(', '),
    frTitle: fr?.title ?? '',
    frSummary: fr?.summary ?? '',
    frFalseClaim: fr?.falseClaim ?? '',
    frFacts: (fr?.facts ?? []).join('\n'),
    notes: (t.classifiedNotes ?? []).map((n) => ({ classification: n.classification, text: n.text })),
    debunkedByPartner: t.context?.debunkedByPartner ?? false,
    investigationSensitive: t.context?.investigationSensitive ?? false,
    nationalSecurityImplications: t.context?.nationalSecurityImplications ?? false,
    disarmTechniques: (t.disarmTechniques ?? []).join(', '),
  };
}

/** Sets `key` to `value`, or removes it when the value is empty, keeping the object's other keys. */
function put<T extends object>(obj: T, key: string, value: unknown): T {
  const out = { ...obj } as Record<string, unknown>;
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) Reflect.deleteProperty(out, key);
  else out[key] = value;
  return out as T;
}

/** Builds the threat to save. `base` is the threat being edited: unknown fields survive. */
export function fromFormValues(v: ThreatFormValues, base?: Threat): Record<string, unknown> {
  let t: Record<string, unknown> = { ...(base ?? {}) };
  t = put(t, 'id', v.id.trim() || base?.id);
  t.electionId = v.electionId;
  t.title = v.title.trim();
  t.summary = v.summary.trim();
  t.purpose = v.purpose || undefined;
  t.type = v.type || undefined;
  t.target = put(
    put({ ...(base?.target ?? {}) }, 'kind', v.targetKind || undefined),
    'description',
    v.targetDescription.trim(),
  );
  t.time = put(
    put({ ...(base?.time ?? {}) }, 'firstSeen', fromLocalInput(v.firstSeen, base?.time.firstSeen)),
    'lastSeen',
    fromLocalInput(v.lastSeen, base?.time.lastSeen),
  );
  let place: Record<string, unknown> = put({ ...(base?.place ?? {}) }, 'level', v.placeLevel || undefined);
  place = put(place, 'regions', splitList(v.regions));
  place = put(place, 'channels', [...new Set(v.channels.map((c) => c.trim().toLowerCase()).filter(Boolean))]);
  place = put(place, 'languages', [...new Set(v.languages.map((c) => c.trim()).filter(Boolean))]);
  t.place = place;
  let source: Record<string, unknown> = put({ ...(base?.source ?? {}) }, 'actor', v.actor || undefined);
  source = put(source, 'name', v.sourceName.trim());
  source = put(source, 'confidence', v.confidence || undefined);
  t.source = source;
  let reach: Record<string, unknown> = put(
    { ...(base?.reach ?? {}) },
    'breakout',
    v.breakout ? Number(v.breakout) : undefined,
  );
  reach = put(
    reach,
    'estimatedAudience',
    v.audience.trim() === '' ? undefined : Number(v.audience.replace(/[\s,]/g, '')),
  );
  reach = put(reach, 'trend', v.trend || undefined);
  t.reach = reach;
  t = put(t, 'falseClaim', v.falseClaim.trim());
  t = put(t, 'facts', splitLines(v.facts));
  t = put(t, 'partnerActions', splitLines(v.partnerActions));
  t = put(t, 'status', v.status || undefined);
  t = put(t, 'relatedIds', splitList(v.relatedIds));

  const otherTranslations = { ...(base?.translations ?? {}) };
  let fr: Record<string, unknown> = { ...(otherTranslations.fr ?? {}) };
  fr = put(fr, 'title', v.frTitle.trim());
  fr = put(fr, 'summary', v.frSummary.trim());
  fr = put(fr, 'falseClaim', v.frFalseClaim.trim());
  fr = put(fr, 'facts', splitLines(v.frFacts));
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
  t = put(
    t,
    'disarmTechniques',
    splitList(v.disarmTechniques).map((x) => x.toUpperCase()),
  );
  return t;
}

/** Maps contract paths to the form field that shows them: the field table's form inputs (shared with
 *  the services), and the French translation's. */
const FIELD_OF: Record<string, string> = {
  ...FORM_FIELD_OF_PATH,
  'translations.fr.title': 'frTitle',
  'translations.fr.summary': 'frSummary',
  'translations.fr.falseClaim': 'frFalseClaim',
  'translations.fr.facts': 'frFacts',
};

/** The form field that shows a problem at a contract path (the request's `threat.` prefix dropped). */
export function fieldOfPath(path: readonly (string | number)[]): keyof ThreatFormValues {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names[0] === 'threat') names.shift();
  const joined = names.join('.');
  const found = FIELD_OF[joined] ?? Object.entries(FIELD_OF).find(([p]) => joined.startsWith(`${p}.`))?.[1];
  // The three context flags are one group of checkboxes: its first one shows the problem.
  if (found) return (found === 'context' ? 'debunkedByPartner' : found) as keyof ThreatFormValues;
  if (joined.startsWith('classifiedNotes')) return 'notes';
  if (joined.startsWith('context')) return 'debunkedByPartner';
  return (names[0] ?? 'title') as keyof ThreatFormValues;
}

/** i18n keys (threat namespace) of each field's label, for the error summary. */
export const FIELD_LABELS: Partial<Record<keyof ThreatFormValues, string>> = {
  title: 'fields.title',
  summary: 'fields.summary',
  electionId: 'fields.election',
  purpose: 'q.purposeQuestion',
  type: 'q.typeQuestion',
  targetKind: 'q.targetQuestion',
  targetDescription: 'fields.targetDescription',
  firstSeen: 'q.timeQuestion',
  lastSeen: 'fields.lastSeen',
  placeLevel: 'q.placeQuestion',
  regions: 'fields.regions',
  channels: 'fields.channels',
  languages: 'fields.languages',
  actor: 'fields.actor',
  sourceName: 'fields.sourceName',
  confidence: 'fields.confidence',
  breakout: 'fields.breakout',
  audience: 'fields.audience',
  trend: 'fields.trend',
  falseClaim: 'fields.falseClaim',
  facts: 'fields.facts',
  partnerActions: 'fields.partnerActions',
  status: 'fields.status',
  relatedIds: 'fields.related',
  disarmTechniques: 'fields.disarm',
  debunkedByPartner: 'fields.context',
  frTitle: 'fields.frTitle',
  frSummary: 'fields.frSummary',
  frFalseClaim: 'fields.frFalseClaim',
  frFacts: 'fields.frFacts',
  notes: 'fields.classifiedNotes',
};

/** The id of a field's control, for links from the error summary. */
export const controlId = (key: keyof ThreatFormValues): string => `threat-field-${key}`;

/** Checks the threat with the contract's own schema (and that it was not last seen before first seen). */
export function validate(
  candidate: Record<string, unknown>,
  isNew: boolean,
): { threat?: Threat; problems: ProblemLocation[] } {
  const schema = isNew ? ThreatSchema.extend({ id: ThreatSchema.shape.id.optional() }) : ThreatSchema;
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => problemOfIssue(i)) };
  const t = parsed.data as Threat;
  if (t.time.lastSeen && new Date(t.time.lastSeen) < new Date(t.time.firstSeen))
    return {
      problems: [
        {
          where: '$.time.lastSeen',
          path: ['time', 'lastSeen'],
          code: 'lastBeforeFirst',
          message: 'must not be before first seen',
        },
      ],
    };
  return { threat: t, problems: [] };
}
