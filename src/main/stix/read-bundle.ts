// Reads a STIX 2.1 bundle back into threats: Threshold's own bundles exactly (the properties of its
// extension, extension.ts; the top-level x_threshold_* properties of bundles from before it), anyone
// else's as well as can be (incidents → threats with sensible defaults). Links are read by the type of
// what they point at, whatever the relationship says (Threshold writes related-to; others write
// attributed-to, targets, uses…). Pure: the caller resolves elections and merges with the log.
import { z } from 'zod';
import { AppError, listProblems, type ProblemLocation } from '../../shared/errors';
import * as enums from '../../shared/domain/enums';
import { jsonPath } from '../../shared/domain/location';
import {
  ElectionSchema,
  LIMITS,
  ThreatSchema,
  TranslationSchema,
  type Election,
  type Threat,
  type Translation,
} from '../../shared/domain/workspace';
import { setPath } from '../../shared/domain/paths';
import { stixProperty } from '../../shared/domain/threat-field-index';
import { THREAT_FIELDS, type ThreatField } from '../../shared/domain/threat-fields';
import { optional, pushTo } from '../../shared/collections';
import { EXTENSION_NAME } from './extension';
import { tlpNameOf } from './tlp';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}';
const ID_RE = new RegExp(`^([a-z][a-z0-9-]+[a-z0-9])--${UUID}$`);
const TIMESTAMP_RE =
  /^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.[0-9]+)?Z$/;
const MAX_OBJECTS = 500_000;
const MAX_PROBLEMS = 20;
/** Object types that carry created/modified and must say spec_version "2.1" (SDOs, SROs). */
const NO_SPEC_REQUIRED = new Set(['bundle']);

type Obj = Record<string, unknown> & { type: string; id: string };

/** A threat read from an incident, before it is merged with what the log already holds. */
export interface IncomingThreat {
  /** Where the incident is in the file, for error messages. */
  where: string;
  stixId: string;
  /** Fields mapped from the bundle; electionId is the bundle's (x_threshold_election_id) or ''. */
  threat: Threat;
  /** The bundle withheld attribution (TLP:CLEAR, low confidence): keep what the log has. */
  attributionWithheld: boolean;
  /** Fields the bundle really carried (others are defaults that must not overwrite the log). */
  carried: ReadonlySet<string>;
}

export interface ReadResult {
  threats: IncomingThreat[];
  /** Elections the bundle carries (Threshold's reports), valid ones only. */
  elections: Election[];
  markings: string[];
  warnings: string[];
}

function fail(fileName: string, problems: ProblemLocation[], total = problems.length): never {
  throw new AppError(
    'import-invalid',
    { id: 'stix/not-a-bundle', params: { fileName, problems: listProblems(problems, total) } },
    problems.slice(0, MAX_PROBLEMS),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number = LIMITS.text): string | undefined =>
  typeof v === 'string' && v.trim() ? v.slice(0, max) : undefined;
const strList = (v: unknown, max: number = LIMITS.name): string[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  const out = v
    .filter((x): x is string => typeof x === 'string' && x.trim().length > 0)
    .map((x) => x.slice(0, max));
  return out.length ? out.slice(0, LIMITS.listItems) : undefined;
};
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const isTime = (v: unknown): v is string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /T/.test(v);

/** Fields read as plain incident properties (the others have code of their own below). */
const PLAIN_FIELDS = THREAT_FIELDS.filter((f) => f.stix !== undefined && f.stixRead !== 'custom');

/** A plain property's value, if it is one the field can hold. */
function plainValue(f: ThreatField, v: unknown): unknown {
  switch (f.kind) {
    case 'text':
      return str(v);
    case 'enum':
      return oneOf(f.values ?? [], v);
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
    case 'datetime':
      return isTime(v) ? v : undefined;
    case 'list':
      return strList(v);
    case 'json':
    case 'flags':
      return isObject(v) ? v : undefined;
  }
}

/** STIX confidence (0–100) as Threshold's attribution confidence. */
export function confidenceOf(value: unknown): enums.Confidence | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return value >= 70 ? 'high' : value >= 30 ? 'moderate' : 'low';
}

/** Checks that this is a STIX 2.1 bundle, object by object; says where it is not. */
export function checkBundle(data: unknown, fileName: string): Obj[] {
  if (!isObject(data))
    fail(fileName, [{ where: '$', message: 'must be a JSON object with "type": "bundle"' }]);
  if (data.type !== 'bundle') fail(fileName, [{ where: '$.type', message: 'must be "bundle"' }]);
  if (data.spec_version !== undefined) {
    fail(fileName, [
      {
        where: '$.spec_version',
        message:
          `a bundle with a spec_version (${JSON.stringify(data.spec_version)}) is a STIX 2.0 ` +
          `bundle; Threshold reads STIX 2.1, whose objects carry "spec_version": "2.1"`,
      },
    ]);
  }
  if (typeof data.id !== 'string' || !/^bundle--/.test(data.id) || !ID_RE.test(data.id))
    fail(fileName, [{ where: '$.id', message: 'must be a bundle id like bundle--<uuid>' }]);
  if (!Array.isArray(data.objects))
    fail(fileName, [{ where: '$.objects', message: 'must be a list of STIX objects' }]);
  if (data.objects.length === 0)
    fail(fileName, [{ where: '$.objects', message: 'is empty: there is nothing to import' }]);
  if (data.objects.length > MAX_OBJECTS)
    fail(fileName, [
      { where: '$.objects', message: `has more than ${MAX_OBJECTS.toLocaleString('en')} objects` },
    ]);

  const problems: ProblemLocation[] = [];
  const seen = new Map<string, number>();
  data.objects.forEach((o: unknown, i: number) => {
    const where = `$.objects[${i}]`;
    if (!isObject(o)) return void problems.push({ where, message: 'must be a STIX object' });
    if (typeof o.type !== 'string' || !/^[a-z][a-z0-9-]*$/.test(o.type))
      return void problems.push({
        where: `${where}.type`,
        message: 'must be a STIX type such as "incident"',
      });
    const m = typeof o.id === 'string' ? ID_RE.exec(o.id) : null;
    if (!m || m[1] !== o.type)
      return void problems.push({
        where: `${where}.id`,
        message: `must be an identifier "${o.type}--<uuid>"`,
      });
    const first = seen.get(o.id as string);
    if (first !== undefined && o.modified === (data.objects as Obj[])[first]?.modified)
      problems.push({ where: `${where}.id`, message: `repeats ${String(o.id)} of $.objects[${first}]` });
    else seen.set(o.id as string, i);
    const needsSpec =
      !NO_SPEC_REQUIRED.has(o.type) && (o.created !== undefined || o.type === 'marking-definition');
    if (needsSpec && o.spec_version !== '2.1') {
      problems.push({
        where: `${where}.spec_version`,
        message:
          o.spec_version === undefined
            ? 'is missing: STIX 2.1 objects carry "spec_version": "2.1" (is this a STIX 2.0 bundle?)'
            : `is ${JSON.stringify(o.spec_version)}, not "2.1"`,
      });
    } else if (o.spec_version !== undefined && o.spec_version !== '2.1') {
      problems.push({
        where: `${where}.spec_version`,
        message: `is ${JSON.stringify(o.spec_version)}, not "2.1"`,
      });
    }
    for (const key of ['created', 'modified'] as const) {
      if (o[key] !== undefined && (typeof o[key] !== 'string' || !TIMESTAMP_RE.test(o[key] as string))) {
        problems.push({
          where: `${where}.${key}`,
          message: 'must be a UTC timestamp like 2027-05-12T14:20:00.000Z',
        });
      }
    }
    if (o.type === 'incident' && typeof o.name !== 'string')
      problems.push({ where: `${where}.name`, message: 'an incident needs a name' });
  });
  if (problems.length) fail(fileName, problems);
  return data.objects as Obj[];
}

/** Latest version of each object (a bundle may carry several versions of one id). */
function latest(objects: readonly Obj[]): Map<string, { obj: Obj; index: number }> {
  const out = new Map<string, { obj: Obj; index: number }>();
  objects.forEach((obj, index) => {
    const prev = out.get(obj.id);
    if (!prev || String(obj.modified ?? '') >= String(prev.obj.modified ?? ''))
      out.set(obj.id, { obj, index });
  });
  return out;
}

/** Reads Threshold's own properties of objects: its extension's (any definition in the bundle named as
 *  Threshold's), else the x_threshold_* properties of bundles written before the extension. */
function ownProperties(objects: Map<string, { obj: Obj }>): (o: Obj, prop: string) => unknown {
  const definitions = new Set(
    [...objects.values()]
      .map(({ obj }) => obj)
      .filter((o) => o.type === 'extension-definition' && o.name === EXTENSION_NAME)
      .map((o) => o.id),
  );
  return (o, prop) => {
    const extensions = isObject(o.extensions) ? o.extensions : {};
    for (const [key, ext] of Object.entries(extensions))
      if (definitions.has(key) && isObject(ext) && ext[prop] !== undefined) return ext[prop];
    return o[`x_threshold_${prop}`];
  };
}

/** The elections of Threshold's reports (their extension's `election`). */
function electionsOf(objects: Map<string, { obj: Obj }>, own: (o: Obj, prop: string) => unknown): Election[] {
  const out = new Map<string, Election>();
  for (const { obj } of objects.values()) {
    if (obj.type !== 'report') continue;
    const e = own(obj, 'election');
    if (!isObject(e)) continue;
    const parsed = ElectionSchema.safeParse({
      id: e.id,
      name: e.name,
      jurisdiction: e.jurisdiction,
      pollingDay: e.polling_day,
      ...optional('writIssued', e.writ_issued),
      ...optional('advanceVotingStart', e.advance_voting_start),
      ...optional('resultsCertified', e.results_certified),
      ...optional('languages', e.languages),
    });
    if (parsed.success) out.set(parsed.data.id, parsed.data);
  }
  return [...out.values()];
}

export function readBundle(data: unknown, fileName: string): ReadResult {
  const objects = latest(checkBundle(data, fileName));
  const mine = ownProperties(objects);
  const warnings: string[] = [];
  const outgoing = new Map<string, Obj[]>();
  const notesFor = new Map<string, Obj[]>();
  for (const { obj } of objects.values()) {
    if (obj.type === 'relationship' && typeof obj.source_ref === 'string')
      pushTo(outgoing, obj.source_ref, obj);
    if (obj.type === 'note' && Array.isArray(obj.object_refs)) {
      for (const ref of obj.object_refs) if (typeof ref === 'string') pushTo(notesFor, ref, obj);
    }
  }
  const target = (r: Obj) => objects.get(String(r.target_ref))?.obj;
  /** What an object's relationships of these types (or related-to) point at, of these object types. */
  const linked = (id: string, relTypes: readonly string[], objTypes: readonly string[]) =>
    (outgoing.get(id) ?? [])
      .filter((r) => r.relationship_type === 'related-to' || relTypes.includes(String(r.relationship_type)))
      .map((r) => ({ rel: r, obj: target(r) }))
      .filter((l): l is { rel: Obj; obj: Obj } => l.obj !== undefined && objTypes.includes(l.obj.type));
  const ACTOR_TYPES = ['threat-actor', 'identity', 'intrusion-set'];

  const markings = new Set<string>();
  for (const { obj } of objects.values()) {
    for (const ref of Array.isArray(obj.object_marking_refs) ? obj.object_marking_refs : []) {
      const name =
        typeof ref === 'string'
          ? (tlpNameOf(ref) ?? (objects.get(ref)?.obj.name as string | undefined))
          : undefined;
      if (name) markings.add(name);
    }
  }

  let noBreakout = 0;
  let otherNotes = 0;
  const threats: IncomingThreat[] = [];
  const problems: ProblemLocation[] = [];
  for (const { obj: inc, index } of objects.values()) {
    if (inc.type !== 'incident') continue;
    const where = `$.objects[${index}]`;
    /** A field's property on the incident (the field table names it). */
    const x = (path: string) => mine(inc, stixProperty(path));
    const carried = new Set<string>();
    const own = Array.isArray(inc.external_references)
      ? (inc.external_references as unknown[]).find(
          (r) => isObject(r) && r.source_name === 'threshold' && typeof r.external_id === 'string',
        )
      : undefined;
    const id = own
      ? String((own as { external_id: string }).external_id).slice(0, LIMITS.id)
      : `stix-${inc.id.slice('incident--'.length)}`;

    // enums.Actor: Threshold's own properties, else what the incident is attributed to (through a campaign too).
    let actor: enums.Actor | undefined = oneOf(enums.ACTORS, x('source.actor'));
    let actorName = str(x('source.name'), LIMITS.name);
    let confidence = oneOf(enums.CONFIDENCES, x('source.confidence'));
    const direct = linked(inc.id, ['attributed-to'], ACTOR_TYPES)[0];
    const viaCampaign = linked(inc.id, ['attributed-to'], ['campaign'])
      .flatMap((c) => linked(c.obj.id, ['attributed-to'], ACTOR_TYPES))
      .at(0);
    const found = direct ?? viaCampaign;
    if (found) {
      const actorObj = found.obj;
      actorName ??= str(actorObj.name, LIMITS.name);
      actor ??=
        oneOf(enums.ACTORS, mine(actorObj, stixProperty('source.actor'))) ??
        (Array.isArray(actorObj.threat_actor_types) && actorObj.threat_actor_types.includes('nation-state')
          ? 'foreign-state'
          : 'unknown');
      confidence ??=
        confidenceOf(direct ? direct.rel.confidence : undefined) ?? confidenceOf(actorObj.confidence);
    }
    if (actor || actorName || confidence) carried.add('source');

    // Places: Threshold's list, else the locations the incident targets or is located at.
    let regions = strList(x('place.regions'));
    if (!regions) {
      const locs = linked(inc.id, ['targets', 'located-at'], ['location'])
        .map((l) => l.obj)
        .map(
          (l) =>
            str(l.administrative_area, LIMITS.name) ??
            str(l.name, LIMITS.name) ??
            str(l.city, LIMITS.name) ??
            str(l.region, LIMITS.name) ??
            str(l.country, LIMITS.name),
        )
        .filter((s): s is string => Boolean(s));
      regions = locs.length ? [...new Set(locs)] : undefined;
    }

    // Claims and facts: Threshold's notes by kind and language.
    let falseClaim: string | undefined;
    let facts: string[] | undefined;
    const noteTranslations: Record<string, Translation> = {};
    for (const note of notesFor.get(inc.id) ?? []) {
      const kind = mine(note, 'note_kind');
      const lang = typeof note.lang === 'string' ? note.lang.slice(0, 35) : undefined;
      const noteFacts =
        strList(mine(note, 'facts'), LIMITS.text) ??
        (typeof note.content === 'string'
          ? note.content
              .split('\n')
              .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
              .filter(Boolean)
          : undefined);
      if (kind === 'false-claim') {
        if (lang) (noteTranslations[lang] ??= {}).falseClaim = str(note.content);
        else falseClaim = str(note.content);
      } else if (kind === 'facts') {
        if (lang) (noteTranslations[lang] ??= {}).facts = noteFacts;
        else facts = noteFacts;
      } else otherNotes++;
    }
    if (falseClaim !== undefined) carried.add('falseClaim');
    if (facts !== undefined) carried.add('facts');

    const listed = strList(x('disarmTechniques'), 20)?.filter((t) => /^T\d{4}(\.\d{3})?$/.test(t));
    const disarm =
      listed ??
      linked(inc.id, ['uses'], ['attack-pattern'])
        .map((l) => l.obj)
        .flatMap((ap) => (Array.isArray(ap.external_references) ? ap.external_references : []))
        .filter(
          (r): r is { source_name: string; external_id: string } =>
            isObject(r) &&
            typeof r.source_name === 'string' &&
            /^disarm$/i.test(r.source_name) &&
            typeof r.external_id === 'string',
        )
        .map((r) => r.external_id)
        .filter((t) => /^T\d{4}(\.\d{3})?$/.test(t));

    const breakout =
      typeof x('reach.breakout') === 'number' &&
      Number.isInteger(x('reach.breakout')) &&
      (x('reach.breakout') as number) >= 1 &&
      (x('reach.breakout') as number) <= 6
        ? (x('reach.breakout') as number)
        : undefined;
    if (breakout === undefined) noBreakout++;
    const firstSeen = isTime(x('time.firstSeen'))
      ? (x('time.firstSeen') as string)
      : isTime(inc.first_seen)
        ? (inc.first_seen as string)
        : ((inc.created as string | undefined) ?? new Date(0).toISOString());
    const lastSeen = isTime(x('time.lastSeen'))
      ? (x('time.lastSeen') as string)
      : isTime(inc.last_seen)
        ? (inc.last_seen as string)
        : undefined;
    const audience = x('reach.estimatedAudience');
    const translationsParsed = z
      .record(z.string().min(1).max(35), TranslationSchema)
      .safeParse(x('translations'));
    const translations = translationsParsed.success
      ? translationsParsed.data
      : Object.keys(noteTranslations).length
        ? noteTranslations
        : undefined;
    const context = isObject(x('context')) ? (x('context') as Threat['context']) : undefined;

    for (const [key, value] of Object.entries({
      purpose: x('purpose'),
      type: x('type'),
      target: x('target.kind'),
      place: x('place.level') ?? x('place.regions') ?? x('place.channels'),
      reach: x('reach.breakout'),
      status: x('status'),
      relatedIds: x('relatedIds'),
      partnerActions: x('partnerActions'),
      translations,
      context,
    })) {
      if (value !== undefined) carried.add(key);
    }
    if (disarm.length) carried.add('disarmTechniques');
    if (regions) carried.add('place');

    const threat: Threat = {
      id,
      electionId: str(x('electionId'), LIMITS.id) ?? '',
      title: (str(inc.name, LIMITS.title) ?? id).trim(),
      summary: (str(inc.description) ?? str(inc.name) ?? id).trim(),
      purpose: oneOf(enums.PURPOSES, x('purpose')) ?? 'other',
      type: oneOf(enums.THREAT_TYPES, x('type')) ?? 'other',
      target: {
        kind: oneOf(enums.TARGET_KINDS, x('target.kind')) ?? 'general-public',
        ...optional('description', str(x('target.description'), LIMITS.shortText)),
      },
      time: { firstSeen, ...(lastSeen ? { lastSeen } : {}) },
      place: {
        level: oneOf(enums.PLACE_LEVELS, x('place.level')) ?? (regions ? 'regional' : 'national'),
        ...(regions ? { regions } : {}),
        ...optional('channels', strList(x('place.channels'))),
        ...optional('languages', strList(x('place.languages'), 35)),
      },
      source: {
        actor: actor ?? 'unknown',
        ...(actorName ? { name: actorName } : {}),
        confidence: confidence ?? 'low',
      },
      reach: {
        breakout: breakout ?? 1,
        ...(typeof audience === 'number' && Number.isInteger(audience) && audience >= 0
          ? { estimatedAudience: audience }
          : {}),
        ...optional('trend', oneOf(enums.TRENDS, x('reach.trend'))),
      },
      ...(falseClaim ? { falseClaim } : {}),
      ...(facts?.length ? { facts } : {}),
      ...optional('partnerActions', strList(x('partnerActions'), LIMITS.text)),
      status: oneOf(enums.STATUSES, x('status')) ?? 'new',
      ...optional('relatedIds', strList(x('relatedIds'), LIMITS.id)),
      ...(translations ? { translations } : {}),
      ...(context ? { context } : {}),
      ...(disarm.length ? { disarmTechniques: [...new Set(disarm)] } : {}),
    };

    // Fields the bundle mapping has no code of its own for: read as plain properties.
    for (const f of PLAIN_FIELDS) {
      const value = plainValue(f, f.stix ? mine(inc, f.stix) : undefined);
      if (value === undefined) continue;
      setPath(threat as unknown as Record<string, unknown>, f.path, value);
      carried.add(f.path.split('.')[0] ?? f.path);
    }

    const check = ThreatSchema.safeParse({ ...threat, electionId: threat.electionId || 'check' });
    if (!check.success) {
      for (const issue of check.error.issues.slice(0, 5))
        problems.push({
          where: `${where} (${inc.id})`,
          message: `${jsonPath(issue.path).replace(/^\$\.?/, '') || 'incident'}: ${issue.message}`,
        });
      continue;
    }
    threats.push({
      where,
      stixId: inc.id,
      threat,
      attributionWithheld: mine(inc, 'attribution_withheld') === true,
      carried,
    });
  }
  if (problems.length) fail(fileName, problems);
  if (threats.length === 0)
    fail(fileName, [
      { where: '$.objects', message: 'has no incident: Threshold imports incidents as threats' },
    ]);

  if (noBreakout)
    warnings.push(
      `${noBreakout} incident${noBreakout === 1 ? ' has' : 's have'} no Breakout category; ` +
        `set to 1 (one platform, one community) until someone reviews ${noBreakout === 1 ? 'it' : 'them'}.`,
    );
  if (otherNotes)
    warnings.push(
      `${otherNotes} note${otherNotes === 1 ? ' was' : 's were'} not imported: Threshold ` +
        `keeps false claims and verified facts only.`,
    );
  if (markings.size)
    warnings.push(
      `The bundle is marked ${[...markings].sort().join(', ')}: share what came from it ` +
        `only as the marking allows.`,
    );
  return { threats, elections: electionsOf(objects, mine), markings: [...markings].sort(), warnings };
}

/** The election an incident belongs to: the one whose campaign period contains it, else the nearest polling day. */
export function pickElection<
  E extends {
    id: string;
    pollingDay: string;
    writIssued?: string | undefined;
    resultsCertified?: string | undefined;
  },
>(firstSeen: string, elections: readonly E[]): E | undefined {
  const day = firstSeen.slice(0, 10);
  const containing = elections.filter(
    (e) => (e.writIssued ?? e.pollingDay) <= day && day <= (e.resultsCertified ?? e.pollingDay),
  );
  const pool = containing.length ? containing : elections;
  const distance = (e: E) =>
    Math.abs(Date.parse(`${e.pollingDay}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`));
  return [...pool].sort((a, b) => distance(a) - distance(b) || a.id.localeCompare(b.id))[0];
}
