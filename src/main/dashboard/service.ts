// The dashboard's one channel: every series for an election (or all) and a date range.
import { AppError } from '../../shared/errors';
import type { Count, DashboardData } from '../../shared/domain/dashboard';
import {
  LEVELS,
  PURPOSES,
  TARGET_KINDS,
  THREAT_TYPES,
  type Level,
  type Purpose,
  type TargetKind,
  type ThreatType,
} from '../../shared/domain/enums';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import type { HandlersOf } from '../../shared/ipc/define';
import type { dashboardContract } from '../../shared/ipc/dashboard.contract';
import type { z } from 'zod';
import type { DashboardQuerySchema } from '../../shared/domain/dashboard';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import { bucketList, bucketStart, chooseBucket } from './buckets';
import { DashboardRepository } from './repository';
import { responsesIn } from './responses';

const TAG_LIMIT = 25;

/** Counts for every value of an enum, in the enum's order, zeros included. */
function complete<K extends string>(values: readonly K[], counts: readonly Count[]): Count<K>[] {
  const by = new Map(counts.map((c) => [c.key, c.count]));
  return values.map((key) => ({ key, count: by.get(key) ?? 0 }));
}

export function dashboardSeries(
  ctx: ServiceContext,
  q: z.output<typeof DashboardQuerySchema>,
): DashboardData {
  const election = q.electionId ? new ElectionRepository(ctx.db).get(q.electionId) : undefined;
  if (q.electionId && !election)
    throw new AppError('not-found', {
      id: 'assessment/there-no-election-with',
      params: { electionId: q.electionId },
    });
  const repo = new DashboardRepository(ctx.db);
  const scope: ThreatFilter = { electionId: q.electionId, from: q.from, to: q.to };

  const calendar = election
    ? {
        advanceVotingStart: election.advanceVotingStart ?? null,
        pollingDay: election.pollingDay,
        resultsCertified: election.resultsCertified ?? null,
      }
    : null;

  // The timeline: the range asked for, else the threats' span widened to show the critical window.
  const span = repo.span(scope);
  const edges = [
    span.first,
    span.last,
    ...(calendar && !q.from && !q.to
      ? [calendar.advanceVotingStart ?? calendar.pollingDay, calendar.resultsCertified ?? calendar.pollingDay]
      : []),
  ].filter((d): d is string => Boolean(d));
  const from = q.from ?? (edges.length ? edges.reduce((a, b) => (a < b ? a : b)) : null);
  const to = q.to ?? (edges.length ? edges.reduce((a, b) => (a > b ? a : b)) : null);
  const bucket = from && to ? chooseBucket(q.bucket, from, to) : q.bucket === 'auto' ? 'day' : q.bucket;
  const buckets = from && to ? bucketList(from, to, bucket) : [];
  const index = new Map(buckets.map((b, i) => [b.start, i]));
  const series = new Map<ThreatType, number[]>();
  for (const row of repo.overTime(scope, bucket)) {
    const i = index.get(bucketStart(row.bucket, bucket));
    if (i === undefined) continue;
    const key = row.key as ThreatType;
    let counts = series.get(key);
    if (!counts) series.set(key, (counts = buckets.map(() => 0)));
    counts[i] = (counts[i] ?? 0) + row.count;
  }

  const hasDecisions = repo.hasDecisions();
  return {
    electionId: q.electionId ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
    bucket,
    total: repo.total(scope),
    overTime: {
      buckets,
      series: THREAT_TYPES.flatMap((key) => {
        const counts = series.get(key);
        return counts ? [{ key, counts }] : [];
      }),
    },
    byType: complete<ThreatType>(THREAT_TYPES, repo.countBy(scope, 'type')),
    byPurpose: complete<Purpose>(PURPOSES, repo.countBy(scope, 'purpose')),
    byTargetKind: complete<TargetKind>(TARGET_KINDS, repo.countBy(scope, 'targetKind')),
    byRegion: repo.countByTag(scope, 'region', TAG_LIMIT),
    byChannel: repo.countByTag(scope, 'channel', TAG_LIMIT),
    byLevel: complete<Level | 'unassessed'>([...LEVELS, 'unassessed'], repo.countBy(scope, 'level')),
    decisionsAwaiting: hasDecisions
      ? { count: repo.decisionsAwaiting(scope), basis: 'decisions' }
      : { count: repo.awaitingByStatus(scope), basis: 'status' },
    draftsAwaiting: repo.draftsAwaiting(q.electionId),
    calendar,
    responses: responsesIn(ctx, scope),
  };
}

export function dashboardHandlers(ctx: ServiceContext): HandlersOf<typeof dashboardContract> {
  return { 'dashboard:series': (q) => dashboardSeries(ctx, q) };
}
