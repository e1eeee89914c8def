// Splits a contract threat into what the database stores: the public document, the
// classified notes kept apart, and the columns the log filters and sorts on.
import type { Classification } from '../../shared/domain/enums';
import { highestClassification } from '../../shared/domain/classification';
import type { ClassifiedNote, Threat } from '../../shared/domain/workspace';

export interface ThreatColumns {
  id: string;
  election_id: string;
  doc: string;
  title: string;
  purpose: string;
  type: string;
  target_kind: string;
  place_level: string;
  actor: string;
  actor_name: string | null;
  confidence: string;
  breakout: number;
  audience: number | null;
  trend: string | null;
  status: string | null;
  first_seen: string;
  last_seen: string | null;
  classification: Classification | null;
  context_flags: number;
  target_description: string | null;
  false_claim: string | null;
  regions: string | null;
  channels: string | null;
}

/** Bits of threats.context_flags (the CEIPP context factors the policy reads). */
export const CONTEXT_FLAGS = {
  debunkedByPartner: 1,
  investigationSensitive: 2,
  nationalSecurityImplications: 4,
} as const;

export function contextFlags(threat: Threat): number {
  const c = threat.context;
  if (!c) return 0;
  return (
    (c.debunkedByPartner ? 1 : 0) |
    (c.investigationSensitive ? 2 : 0) |
    (c.nationalSecurityImplications ? 4 : 0)
  );
}

/** UTC ISO form, so that text order is time order whatever offset the source used. */
export function toUtcIso(dateTime: string): string {
  return new Date(dateTime).toISOString();
}

/** The threat without its classified notes. An empty list is kept (as []) so that
 *  export(import(x)) keeps the field; the notes themselves live in their own table. */
export function publicDocument(threat: Threat): Threat {
  const { classifiedNotes, ...rest } = threat;
  return classifiedNotes ? { ...rest, classifiedNotes: [] } : rest;
}

export function toColumns(threat: Threat): ThreatColumns {
  return {
    id: threat.id,
    election_id: threat.electionId,
    doc: JSON.stringify(publicDocument(threat)),
    title: threat.title,
    purpose: threat.purpose,
    type: threat.type,
    target_kind: threat.target.kind,
    place_level: threat.place.level,
    actor: threat.source.actor,
    actor_name: threat.source.name ?? null,
    confidence: threat.source.confidence,
    breakout: threat.reach.breakout,
    audience: threat.reach.estimatedAudience ?? null,
    trend: threat.reach.trend ?? null,
    status: threat.status ?? null,
    first_seen: toUtcIso(threat.time.firstSeen),
    last_seen: threat.time.lastSeen ? toUtcIso(threat.time.lastSeen) : null,
    classification: highestClassification(threat.classifiedNotes),
    context_flags: contextFlags(threat),
    target_description: threat.target.description ?? null,
    false_claim: threat.falseClaim ?? null,
    regions: threat.place.regions ? JSON.stringify(threat.place.regions) : null,
    channels: threat.place.channels ? JSON.stringify(threat.place.channels) : null,
  };
}

/** The text the log's full-text search indexes, column by column (threats_fts). */
export function searchText(threat: Threat): [string, string, string, string, string, string, string] {
  const translations: string[] = [];
  for (const t of Object.values(threat.translations ?? {})) {
    if (t.title) translations.push(t.title);
    if (t.summary) translations.push(t.summary);
    if (t.falseClaim) translations.push(t.falseClaim);
    for (const f of t.facts ?? []) translations.push(f);
  }
  return [
    threat.title,
    threat.summary,
    threat.falseClaim ?? '',
    (threat.facts ?? []).join('\n'),
    [threat.id, threat.source.name ?? '', threat.target.description ?? ''].join('\n'),
    [...(threat.place.regions ?? []), ...(threat.place.channels ?? [])].join('\n'),
    translations.join('\n'),
  ];
}
