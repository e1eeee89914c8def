// Threats as a STIX 2.1 bundle: a pure function, data in, bundle out.
//
//   threat                          → incident (Threshold's fields as x_threshold_* properties)
//   related threats, one actor      → campaign (incident attributed-to campaign attributed-to actor)
//   foreign-state / foreign-proxy   → threat-actor;  domestic / unknown (named) → identity
//   region                          → location (incident targets location)
//   false claim, verified facts     → note (one per language)
//   current level                   → opinion (explained)
//   DISARM technique                → attack-pattern with an external reference (incident uses it)
//
// Ids are name-based UUIDs (version 5) of the threat id, so a re-export gives the same ids.
// Classified notes are never read: the input is the public document, and any classifiedNotes
// field on it is dropped before anything else looks at it.
import type { Actor, Confidence, Level } from '../../shared/domain/enums';
import type { TlpLevel } from '../../shared/domain/stix';
import { getPath } from '../../shared/domain/paths';
import { stixProperty } from '../../shared/domain/threat-field-index';
import { THREAT_FIELDS } from '../../shared/domain/threat-fields';
import type { Threat } from '../../shared/domain/workspace';
import { withoutNotes } from '../threats/columns';
import type { ExportableThreat } from '../threats/store';
import { pushTo } from '../../shared/collections';
import { tlpMarking } from './tlp';
import { stixId, uuidv5 } from './uuid';

export type { ExportableThreat };

export interface BuildOptions {
  tlp: TlpLevel;
  /** ISO 3166-1 alpha-2 country for the regions' locations. */
  country?: string | undefined;
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The scale Threshold uses for attribution confidence, as a STIX confidence (0–100; "Low/Med/High" in appendix A). */
export const CONFIDENCE_VALUE: Record<Confidence, number> = { low: 15, moderate: 50, high: 85 };

/** Levels as opinions: how strongly the exporting team holds that the incident needs a response. */
export const LEVEL_OPINION: Record<Level, 'neutral' | 'agree' | 'strongly-agree'> = {
  monitor: 'neutral',
  'engage-privately': 'agree',
  'speak-publicly': 'strongly-agree',
};

const LEVEL_WORDS: Record<Level, string> = {
  monitor: 'monitor (below the threshold for intervention; keep watching)',
  'engage-privately': 'engage privately (notify partners and targets, no public statement)',
  'speak-publicly': 'speak publicly (the threshold for a public statement is met)',
};

const fold = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
const FOREIGN: ReadonlySet<Actor> = new Set(['foreign-state', 'foreign-proxy']);

/** Drops empty arrays and undefined values (STIX lists must not be empty). */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** The fields STIX carries as plain incident properties (the field table's), empty ones left out. */
const PLAIN_FIELDS = THREAT_FIELDS.filter((f) => f.stix !== undefined && f.stixWrite !== 'custom');

function plainProperties(t: Threat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of PLAIN_FIELDS) {
    const value = getPath(t, f.path);
    const empty =
      value === '' ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 0);
    if (f.stix && value !== undefined && !empty) out[f.stix] = value;
  }
  return out;
}

const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

/** STIX timestamps: UTC with milliseconds. */
export function stixTime(iso: string): string {
  return new Date(iso).toISOString();
}

interface Shared {
  id: string;
  created: string;
  modified: string;
}

export function incidentId(threatId: string): string {
  return stixId('incident', threatId);
}

function actorKey(t: Threat): string | null {
  const name = t.source.name?.trim();
  return name ? `${t.source.actor}|${fold(name)}` : null;
}

/** Clusters to write as campaigns: related threats (relatedIds, either direction) sharing one named actor. */
export function campaignClusters(threats: readonly Threat[]): Threat[][] {
  const byId = new Map(threats.map((t) => [t.id, t]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    parent.set(x, r);
    return r;
  };
  for (const t of threats) parent.set(t.id, t.id);
  for (const t of threats) {
    const key = actorKey(t);
    if (!key) continue;
    for (const r of t.relatedIds ?? []) {
      const other = byId.get(r);
      if (other && actorKey(other) === key) {
        const a = find(t.id);
        const b = find(other.id);
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
  }
  const groups = new Map<string, Threat[]>();
  for (const t of threats) pushTo(groups, find(t.id), t);
  return [...groups.values()].filter((g) => g.length > 1);
}

export function buildBundle(input: readonly ExportableThreat[], opts: BuildOptions): StixBundle {
  const marking = tlpMarking(opts.tlp);
  const marks = { object_marking_refs: [marking.id] };
  const publicOnly = opts.tlp === 'clear';
  const objects = new Map<string, StixObject>();
  const shared = new Map<string, Shared & { make: (s: Shared) => StixObject }>();

  const addShared = (id: string, created: string, modified: string, make: (s: Shared) => StixObject) => {
    const prev = shared.get(id);
    if (prev) {
      prev.created = minIso(prev.created, created);
      prev.modified = maxIso(prev.modified, modified);
    } else shared.set(id, { id, created, modified, make });
  };
  const relate = (
    type: string,
    source: string,
    target: string,
    created: string,
    modified: string,
    extra: Record<string, unknown> = {},
  ) => {
    const id = stixId('relationship', `${type}|${source}|${target}`);
    objects.set(
      id,
      clean({
        type: 'relationship',
        spec_version: '2.1',
        id,
        created,
        modified,
        relationship_type: type,
        source_ref: source,
        target_ref: target,
        ...extra,
        ...marks,
      }),
    );
  };

  // Never look at classified notes, whatever the caller passed.
  const rows = input.map((r) => {
    return {
      ...r,
      threat: withoutNotes(r.threat),
      createdAt: stixTime(r.createdAt),
      updatedAt: stixTime(maxIso(stixTime(r.updatedAt), stixTime(r.createdAt))),
    };
  });

  /** Attribution is written unless the bundle is public (TLP:CLEAR) and the confidence is low:
   *  low-confidence attribution is never stated publicly. */
  const withheld = (t: Threat) => publicOnly && t.source.confidence === 'low' && t.source.actor !== 'unknown';
  /** The named source a threat is attributed to, when the bundle may say so. */
  const attributedTo = (t: Threat): { key: string; name: string } | null => {
    const key = actorKey(t);
    const name = t.source.name?.trim();
    return key && name && !withheld(t) ? { key, name } : null;
  };

  const actorObjectId = (t: Threat, key: string): string =>
    stixId(FOREIGN.has(t.source.actor) ? 'threat-actor' : 'identity', key);

  for (const { threat: t, createdAt, updatedAt, level, score } of rows) {
    const id = incidentId(t.id);
    const attribution = attributedTo(t);
    objects.set(
      id,
      clean({
        type: 'incident',
        spec_version: '2.1',
        id,
        created: createdAt,
        modified: updatedAt,
        name: t.title,
        description: t.summary,
        labels: ['election-interference', t.purpose, t.type],
        external_references: [{ source_name: 'threshold', external_id: t.id }],
        ...marks,
        ...plainProperties(t),
        ...(withheld(t)
          ? { x_threshold_attribution_withheld: true }
          : {
              [stixProperty('source.actor')]: t.source.actor,
              [stixProperty('source.name')]: t.source.name || undefined,
              [stixProperty('source.confidence')]: t.source.confidence,
            }),
      }),
    );

    if (attribution) {
      const actorId = actorObjectId(t, attribution.key);
      const { name } = attribution;
      const kind = t.source.actor;
      addShared(actorId, createdAt, updatedAt, (s) =>
        FOREIGN.has(kind)
          ? clean({
              type: 'threat-actor',
              spec_version: '2.1',
              id: s.id,
              created: s.created,
              modified: s.modified,
              name,
              threat_actor_types: [kind === 'foreign-state' ? 'nation-state' : 'unknown'],
              roles: kind === 'foreign-proxy' ? ['agent'] : undefined,
              description:
                kind === 'foreign-proxy'
                  ? 'Acts for a foreign state (a proxy), as recorded in Threshold.'
                  : 'A foreign state, as recorded in Threshold.',
              ...marks,
              [stixProperty('source.actor')]: kind,
            })
          : clean({
              type: 'identity',
              spec_version: '2.1',
              id: s.id,
              created: s.created,
              modified: s.modified,
              name,
              identity_class: 'unknown',
              description:
                kind === 'domestic'
                  ? 'A domestic source, as recorded in Threshold.'
                  : 'A source of unknown origin, as recorded in Threshold.',
              ...marks,
              [stixProperty('source.actor')]: kind,
            }),
      );
      relate('attributed-to', id, actorId, createdAt, updatedAt, {
        confidence: CONFIDENCE_VALUE[t.source.confidence],
        description: `Attribution confidence: ${t.source.confidence}.`,
      });
    }

    const seenRegions = new Set<string>();
    for (const region of t.place.regions ?? []) {
      const key = fold(region);
      if (!key || seenRegions.has(key)) continue;
      seenRegions.add(key);
      const locId = stixId('location', `${opts.country?.toUpperCase() ?? ''}|${key}`);
      const name = region.trim();
      addShared(locId, createdAt, updatedAt, (s) =>
        clean({
          type: 'location',
          spec_version: '2.1',
          id: s.id,
          created: s.created,
          modified: s.modified,
          name,
          administrative_area: name,
          ...(opts.country ? { country: opts.country.toUpperCase() } : { region: name }),
          ...marks,
        }),
      );
      relate('targets', id, locId, createdAt, updatedAt);
    }

    const claimNotes: {
      lang?: string;
      falseClaim?: string | undefined;
      facts?: string[] | undefined;
    }[] = [
      { falseClaim: t.falseClaim, facts: t.facts },
      ...Object.entries(t.translations ?? {}).map(([lang, tr]) => ({
        lang,
        falseClaim: tr.falseClaim,
        facts: tr.facts,
      })),
    ];
    /** A note on the incident: its false claim, or its verified facts, in one language. */
    const note = (kind: string, lang: string | undefined, fields: Record<string, unknown>) => {
      const noteId = stixId('note', `${t.id}|${kind}${lang ? `|${lang}` : ''}`);
      objects.set(
        noteId,
        clean({
          type: 'note',
          spec_version: '2.1',
          id: noteId,
          created: createdAt,
          modified: updatedAt,
          lang,
          ...fields,
          object_refs: [id],
          ...marks,
          x_threshold_note_kind: kind,
        }),
      );
    };
    for (const n of claimNotes) {
      if (n.falseClaim?.trim())
        note('false-claim', n.lang, {
          abstract:
            n.lang === 'fr' ? 'Fausse affirmation (ne pas amplifier)' : 'False claim (do not amplify)',
          content: n.falseClaim,
        });
      const facts = (n.facts ?? []).filter((f) => f.trim());
      if (facts.length)
        note('facts', n.lang, {
          abstract: n.lang === 'fr' ? 'Faits vérifiés' : 'Verified facts',
          content: facts.map((f) => `- ${f}`).join('\n'),
          x_threshold_facts: facts,
        });
    }

    if (level) {
      const opinionId = stixId('opinion', `${t.id}|level`);
      objects.set(
        opinionId,
        clean({
          type: 'opinion',
          spec_version: '2.1',
          id: opinionId,
          created: createdAt,
          modified: updatedAt,
          opinion: LEVEL_OPINION[level],
          explanation:
            `Threshold's current intervention level for this incident is ${LEVEL_WORDS[level]}` +
            `${score !== null ? `, score ${Math.round(score)} out of 100` : ''}. ` +
            'The opinion says how strongly the exporting team holds that the incident threatens ' +
            'the election enough to respond: ' +
            'neutral = monitor, agree = engage privately, strongly-agree = speak publicly.',
          object_refs: [id],
          ...marks,
          x_threshold_level: level,
          x_threshold_score: score ?? undefined,
        }),
      );
    }

    for (const technique of new Set(t.disarmTechniques ?? [])) {
      const apId = stixId('attack-pattern', `disarm|${technique}`);
      addShared(apId, createdAt, updatedAt, (s) =>
        clean({
          type: 'attack-pattern',
          spec_version: '2.1',
          id: s.id,
          created: s.created,
          modified: s.modified,
          name: `DISARM ${technique}`,
          external_references: [{ source_name: 'DISARM', external_id: technique }],
          ...marks,
        }),
      );
      relate('uses', id, apId, createdAt, updatedAt);
    }
  }

  // Campaigns: related threats sharing one actor. The id follows the earliest member.
  const byThreatId = new Map(rows.map((r) => [r.threat.id, r]));
  for (const cluster of campaignClusters(rows.map((r) => r.threat).filter((t) => attributedTo(t)))) {
    const members = cluster
      .flatMap((t) => byThreatId.get(t.id) ?? [])
      .sort(
        (a, b) =>
          a.threat.time.firstSeen.localeCompare(b.threat.time.firstSeen) ||
          a.threat.id.localeCompare(b.threat.id),
      );
    const anchor = members[0]?.threat;
    const anchorSource = anchor && attributedTo(anchor);
    if (!anchor || !anchorSource) continue;
    const campaignId = stixId('campaign', anchor.id);
    const created = members.map((m) => m.createdAt).reduce(minIso);
    const modified = members.map((m) => m.updatedAt).reduce(maxIso);
    const firstSeen = members.map((m) => stixTime(m.threat.time.firstSeen)).reduce(minIso);
    const lastSeen = members
      .map((m) => stixTime(m.threat.time.lastSeen ?? m.threat.time.firstSeen))
      .reduce(maxIso);
    objects.set(
      campaignId,
      clean({
        type: 'campaign',
        spec_version: '2.1',
        id: campaignId,
        created,
        modified,
        name: `${anchorSource.name}: ${members.length} related threats`,
        description: `Related threats recorded in Threshold and attributed to the same source (${anchor.source.actor}).`,
        first_seen: firstSeen,
        last_seen: maxIso(firstSeen, lastSeen),
        ...marks,
        x_threshold_threat_ids: members.map((m) => m.threat.id),
      }),
    );
    for (const m of members)
      relate('attributed-to', incidentId(m.threat.id), campaignId, m.createdAt, m.updatedAt);
    relate('attributed-to', campaignId, actorObjectId(anchor, anchorSource.key), created, modified, {
      confidence: Math.min(...members.map((m) => CONFIDENCE_VALUE[m.threat.source.confidence])),
    });
  }

  for (const s of shared.values()) objects.set(s.id, s.make(s));

  const ORDER = [
    'incident',
    'campaign',
    'threat-actor',
    'identity',
    'location',
    'attack-pattern',
    'note',
    'opinion',
    'relationship',
  ];
  const sorted = [...objects.values()].sort(
    (a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || a.id.localeCompare(b.id),
  );
  const all: StixObject[] = [marking as unknown as StixObject, ...sorted];
  const fingerprint = all.map((o) => `${o.id}@${String(o.modified ?? o.created)}`).join('\n');
  return { type: 'bundle', id: `bundle--${uuidv5(`bundle:${fingerprint}`)}`, objects: all };
}
