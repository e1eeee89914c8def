// Threats as a STIX 2.1 bundle: a pure function, data in, bundle out.
//
//   threat                          → incident (Threshold's fields in its extension, extension.ts)
//   related threats, one actor      → campaign (incident related-to campaign attributed-to actor)
//   foreign-state / foreign-proxy   → threat-actor;  domestic / unknown (named) → identity
//   region                          → location (incident related-to location; administrative_area)
//   false claim, verified facts     → note (one per language)
//   current level                   → opinion (explained)
//   DISARM technique                → attack-pattern with an external reference (incident related-to it)
//   election                        → report of its incidents (the election in its extension)
//   the organisation                → identity, the created_by_ref of every object it writes
//
// STIX 2.1 suggests no relationship from an incident (it is a stub object in 2.1), so an incident's links
// are `related-to` (a common relationship) with a description that says what the link means; the
// README's "STIX relationships" explains why. Ids are random (UUIDv4) and kept: they come from `ids`.
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
import { createHash } from 'node:crypto';
import type { Election } from '../../shared/domain/workspace';
import { EXTENSION_KEY, EXTENSION_VERSION, extensionDefinition, extensionSchema } from './extension';
import { oneOffIds, type StixIds } from './ids';
import { tlpMarking } from './tlp';

export type { ExportableThreat };

export interface BuildOptions {
  tlp: TlpLevel;
  /** ISO 3166-1 alpha-2 country of the places (locations then say it, with the place as administrative_area). */
  country?: string | undefined;
  /** A region of STIX's region-ov vocabulary ("northern-america") for the places. */
  region?: string | undefined;
  /** Where the ids come from: the database's kept ids (service.ts), else new ones for this bundle alone. */
  ids?: StixIds;
  /** The organisation that writes the bundle: its identity is every object's created_by_ref. */
  organisation?: { name: string; website?: string | undefined } | undefined;
  /** The elections of the threats (each becomes a report of its incidents, carrying the election). */
  elections?: readonly Election[];
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The key of the organisation's identity in the id store. */
export const ORGANISATION_KEY = 'organisation';

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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a link from an incident means, said in its `related-to` relationship's description. */
const LINK_WORDS = {
  'attributed-to': 'Attributed to',
  targets: 'Targets',
  uses: 'Uses the technique',
  campaign: 'Part of the campaign',
} as const;

export function buildBundle(input: readonly ExportableThreat[], opts: BuildOptions): StixBundle {
  const ids = opts.ids ?? oneOffIds();
  const marking = tlpMarking(opts.tlp);
  const markingRefs = [marking.id];
  const publicOnly = opts.tlp === 'clear';
  const objects = new Map<string, StixObject>();
  const shared = new Map<string, Shared & { make: (s: Shared) => StixObject }>();

  // The organisation: its identity writes every object (created_by_ref), itself included. Its modified
  // time is when this name was first exported, so that a renamed organisation is a new version.
  const orgName = opts.organisation?.name.trim() || 'Threshold';
  const orgId = ids.id('identity', ORGANISATION_KEY);
  const orgVersion = JSON.stringify([orgName, opts.organisation?.website ?? '']);
  ids.id('identity-version', orgVersion);
  const orgCreated = stixTime(ids.since('identity', ORGANISATION_KEY));
  const organisation: StixObject = clean({
    type: 'identity',
    spec_version: '2.1',
    id: orgId,
    created_by_ref: orgId,
    created: orgCreated,
    modified: maxIso(orgCreated, stixTime(ids.since('identity-version', orgVersion))),
    name: orgName,
    identity_class: 'organization',
    sectors: ['government'],
    contact_information: opts.organisation?.website || undefined,
    object_marking_refs: markingRefs,
  });
  const marks = { created_by_ref: orgId, object_marking_refs: markingRefs };

  // The extension's definition: one per organisation, a new version when its schema changes.
  const extensionId = ids.id('extension-definition', EXTENSION_KEY);
  const schemaVersion = `${EXTENSION_VERSION}|${sha256(JSON.stringify(extensionSchema()))}`;
  ids.id('extension-definition-version', schemaVersion);
  const definition = extensionDefinition({
    id: extensionId,
    created: stixTime(ids.since('extension-definition', EXTENSION_KEY)),
    createdBy: orgId,
    markings: markingRefs,
  });
  definition.modified = maxIso(
    String(definition.created),
    stixTime(ids.since('extension-definition-version', schemaVersion)),
  );
  /** Threshold's own properties of an object, in its extension (none: no extension). */
  const extension = (props: Record<string, unknown>) => {
    const kept = clean(props);
    return Object.keys(kept).length
      ? { extensions: { [extensionId]: { extension_type: 'property-extension', ...kept } } }
      : {};
  };

  const addShared = (id: string, created: string, modified: string, make: (s: Shared) => StixObject) => {
    const prev = shared.get(id);
    if (prev) {
      prev.created = minIso(prev.created, created);
      prev.modified = maxIso(prev.modified, modified);
    } else shared.set(id, { id, created, modified, make });
  };
  const relate = (
    type: 'attributed-to' | 'related-to',
    key: string,
    source: string,
    target: string,
    created: string,
    modified: string,
    extra: Record<string, unknown> = {},
  ) => {
    const id = ids.id('relationship', `${key}|${source}|${target}`);
    const prev = objects.get(id);
    objects.set(
      id,
      clean({
        type: 'relationship',
        spec_version: '2.1',
        id,
        created: prev ? minIso(String(prev.created), created) : created,
        modified: prev ? maxIso(String(prev.modified), modified) : modified,
        relationship_type: type,
        source_ref: source,
        target_ref: target,
        ...extra,
        ...marks,
      }),
    );
  };
  /** A link from an incident: `related-to`, its meaning in the description (see the top of this file). */
  const link = (
    meaning: keyof typeof LINK_WORDS,
    source: string,
    target: string,
    what: string,
    created: string,
    modified: string,
    extra: Record<string, unknown> = {},
  ) =>
    relate('related-to', meaning, source, target, created, modified, {
      description: `${LINK_WORDS[meaning]}: ${what}.`,
      ...extra,
    });

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
    ids.id(FOREIGN.has(t.source.actor) ? 'threat-actor' : 'identity', key);
  const incidentIds = new Map(rows.map((r) => [r.threat.id, ids.id('incident', r.threat.id)]));
  const incidentOf = (threatId: string) => incidentIds.get(threatId) ?? ids.id('incident', threatId);
  const country = opts.country?.toUpperCase();

  for (const { threat: t, createdAt, updatedAt, level, score } of rows) {
    const id = incidentOf(t.id);
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
        ...extension({
          ...plainProperties(t),
          ...(withheld(t)
            ? { attribution_withheld: true }
            : {
                [stixProperty('source.actor')]: t.source.actor,
                [stixProperty('source.name')]: t.source.name || undefined,
                [stixProperty('source.confidence')]: t.source.confidence,
              }),
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
              ...extension({ [stixProperty('source.actor')]: kind }),
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
              ...extension({ [stixProperty('source.actor')]: kind }),
            }),
      );
      link(
        'attributed-to',
        id,
        actorId,
        `${name} (confidence ${t.source.confidence})`,
        createdAt,
        updatedAt,
        {
          confidence: CONFIDENCE_VALUE[t.source.confidence],
        },
      );
    }

    // Places: a location only where the bundle can say where they are (a country or a region of
    // region-ov); the place itself is the location's administrative_area. The incident's extension
    // keeps the places in any case.
    const seenRegions = new Set<string>();
    for (const place of country || opts.region ? (t.place.regions ?? []) : []) {
      const key = fold(place);
      if (!key || seenRegions.has(key)) continue;
      seenRegions.add(key);
      const locId = ids.id('location', `${country ?? ''}|${opts.region ?? ''}|${key}`);
      const name = place.trim();
      addShared(locId, createdAt, updatedAt, (s) =>
        clean({
          type: 'location',
          spec_version: '2.1',
          id: s.id,
          created: s.created,
          modified: s.modified,
          name,
          region: opts.region,
          country,
          administrative_area: name,
          ...marks,
        }),
      );
      link('targets', id, locId, name, createdAt, updatedAt);
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
    const note = (
      kind: 'false-claim' | 'facts',
      lang: string | undefined,
      fields: Record<string, unknown>,
      own: Record<string, unknown> = {},
    ) => {
      const noteId = ids.id('note', `${t.id}|${kind}${lang ? `|${lang}` : ''}`);
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
          ...extension({ note_kind: kind, ...own }),
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
        note(
          'facts',
          n.lang,
          {
            abstract: n.lang === 'fr' ? 'Faits vérifiés' : 'Verified facts',
            content: facts.map((f) => `- ${f}`).join('\n'),
          },
          { facts },
        );
    }

    if (level) {
      const opinionId = ids.id('opinion', `${t.id}|level`);
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
          ...extension({ level, score: score ?? undefined }),
        }),
      );
    }

    for (const technique of new Set(t.disarmTechniques ?? [])) {
      const apId = ids.id('attack-pattern', `disarm|${technique}`);
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
      link('uses', id, apId, `DISARM ${technique}`, createdAt, updatedAt);
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
    const campaignId = ids.id('campaign', anchor.id);
    const created = members.map((m) => m.createdAt).reduce(minIso);
    const modified = members.map((m) => m.updatedAt).reduce(maxIso);
    const firstSeen = members.map((m) => stixTime(m.threat.time.firstSeen)).reduce(minIso);
    const lastSeen = members
      .map((m) => stixTime(m.threat.time.lastSeen ?? m.threat.time.firstSeen))
      .reduce(maxIso);
    const campaignName = `${anchorSource.name}: ${members.length} related threats`;
    objects.set(
      campaignId,
      clean({
        type: 'campaign',
        spec_version: '2.1',
        id: campaignId,
        created,
        modified,
        name: campaignName,
        description: `Related threats recorded in Threshold and attributed to the same source (${anchor.source.actor}).`,
        first_seen: firstSeen,
        last_seen: maxIso(firstSeen, lastSeen),
        ...marks,
        ...extension({ threat_ids: members.map((m) => m.threat.id) }),
      }),
    );
    for (const m of members)
      link('campaign', incidentOf(m.threat.id), campaignId, campaignName, m.createdAt, m.updatedAt);
    const actorId = actorObjectId(anchor, anchorSource.key);
    const confidence = Math.min(...members.map((m) => CONFIDENCE_VALUE[m.threat.source.confidence]));
    // A campaign is attributed to a threat actor (a suggested pair); to an identity (a domestic or
    // unknown source) it is only related.
    if (FOREIGN.has(anchor.source.actor))
      relate('attributed-to', 'attributed-to', campaignId, actorId, created, modified, { confidence });
    else link('attributed-to', campaignId, actorId, anchorSource.name, created, modified, { confidence });
  }

  // Elections: a report of each election's incidents, the election in its extension (an import into a
  // database without it can create it).
  const byElection = new Map<string, typeof rows>();
  for (const r of rows) pushTo(byElection, r.threat.electionId, r);
  for (const election of opts.elections ?? []) {
    const members = byElection.get(election.id);
    if (!members?.length) continue;
    const reportId = ids.id('report', election.id);
    const modified = members.map((m) => m.updatedAt).reduce(maxIso);
    objects.set(
      reportId,
      clean({
        type: 'report',
        spec_version: '2.1',
        id: reportId,
        created: members.map((m) => m.createdAt).reduce(minIso),
        modified,
        name: election.name,
        description:
          `Threats to ${election.name} (${election.jurisdiction}; polling day ${election.pollingDay}) ` +
          'recorded in Threshold.',
        report_types: ['threat-report'],
        published: modified,
        object_refs: members.map((m) => incidentOf(m.threat.id)).sort(),
        ...marks,
        ...extension({
          election: clean({
            id: election.id,
            name: election.name,
            jurisdiction: election.jurisdiction,
            writ_issued: election.writIssued,
            advance_voting_start: election.advanceVotingStart,
            polling_day: election.pollingDay,
            results_certified: election.resultsCertified,
            languages: election.languages,
          }),
        }),
      }),
    );
  }

  for (const s of shared.values()) objects.set(s.id, s.make(s));

  const ORDER = [
    'incident',
    'report',
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
  const all: StixObject[] = [
    marking as unknown as StixObject,
    organisation,
    definition as StixObject,
    ...sorted,
  ];
  // The same objects, the same bundle id: a hash of their JSON names the bundle in the id store.
  return { type: 'bundle', id: ids.id('bundle', sha256(JSON.stringify(all))), objects: all };
}
