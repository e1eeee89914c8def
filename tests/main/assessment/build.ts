// Threats and an election for the assessment tests, built from the schema so that they stay valid.
import {
  ElectionSchema,
  ThreatSchema,
  type Election,
  type Threat,
} from '../../../src/shared/domain/workspace';

export const ELECTION: Election = ElectionSchema.parse({
  id: 'e2026',
  name: 'General election 2026',
  jurisdiction: 'Testland',
  writIssued: '2026-09-13',
  advanceVotingStart: '2026-10-09',
  pollingDay: '2026-10-19',
  resultsCertified: '2026-10-30',
  languages: ['en', 'fr'],
});

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};

let n = 0;
/** A schema-valid threat: a plain unknown-actor post unless told otherwise. */
export function threat(over: DeepPartial<Threat> & { id?: string }): Threat {
  const base = {
    id: over.id ?? `t-${++n}`,
    electionId: ELECTION.id,
    title: 'A post',
    summary: 'A post.',
    purpose: 'other',
    type: 'other',
    target: { kind: 'general-public' },
    time: { firstSeen: '2026-10-01T12:00:00Z' },
    place: { level: 'online-only' },
    source: { actor: 'unknown', confidence: 'low' },
    reach: { breakout: 1 },
  };
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const k of ['target', 'time', 'place', 'source', 'reach', 'context'] as const) {
    if (over[k] !== undefined) merged[k] = { ...(base as unknown as Record<string, object>)[k], ...over[k] };
  }
  return ThreatSchema.parse(merged);
}

export const daysBeforePolling = (d: number): string =>
  new Date(Date.parse(`${ELECTION.pollingDay}T12:00:00Z`) - d * 86_400_000).toISOString();
