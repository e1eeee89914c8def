// pageQueryRatio: the log's filtered, sorted page of 100 through the service (dispatcher, zod,
// repository) against the same SQL run bare. searchP95Ms: full-text search through the service.
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/services';
import { listStatements } from '../../src/main/threats/list-query';
import type { ThreatFilter } from '../../src/shared/domain/threat-log';
import type { Figure } from '../figures';
import { SEARCH_TERMS, rng } from '../generate';
import { median, now, percentile } from '../measure';
import { closeDatabase, contextFor } from './db';
import { openDatabase } from '../../src/main/db/connection';

const QUERIES = 60;
const ROUNDS = 3;

function pageQueries(n: number): { filter: ThreatFilter; offset: number }[] {
  const r = rng(7);
  const purposes = ['suppress-turnout', 'mislead-voting-process', 'undermine-results', 'polarize'] as const;
  return Array.from({ length: n }, (_, i) => ({
    filter:
      i % 2
        ? { purpose: [purposes[i % 4]!, purposes[(i + 1) % 4]!], breakout: [1, 2, 3] }
        : { electionId: 'bench-general', actor: ['foreign-state', 'foreign-proxy'] },
    offset: Math.floor(r() * 2000),
  }));
}

export const pageQueryRatio: Figure = {
  id: 'pageQueryRatio',
  what: "the log's filtered, sorted page of 100 through the service ÷ the same SQL run bare",
  goalText: '≤ 2',
  met: (v) => v <= 2,
  async measure(ctx) {
    const db = openDatabase(ctx.mainDb, { check: 'none' });
    const dispatch = createDispatcher(createHandlers(contextFor(db, ctx.mainDb)));
    const queries = pageQueries(QUERIES);
    const sort = { field: 'firstSeen' as const, direction: 'desc' as const };
    // The same two statements the repository runs, prepared once and run bare.
    const prepared = queries.map((q) => {
      const s = listStatements(q.filter, sort);
      return {
        count: db.prepare(s.count.sql),
        countParams: s.count.params,
        page: db.prepare(s.page.sql),
        pageParams: s.page.params,
      };
    });
    const bare = (i: number) => {
      const p = prepared[i]!;
      p.count.get(...p.countParams);
      return p.page.all(...p.pageParams, 100, queries[i]!.offset);
    };
    // Warm both paths (statement caches, page cache).
    for (const [i, q] of queries.slice(0, 10).entries()) {
      bare(i);
      await dispatch('threats:list', { filter: q.filter, sort, offset: q.offset, limit: 100 });
    }
    // Three rounds over the queries: each round's ratio of medians is one run of the figure.
    const ratios: number[] = [];
    const serviceMs: number[] = [];
    const bareMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const service: number[] = [];
      const bareRound: number[] = [];
      for (const [i, q] of queries.entries()) {
        let t = now();
        const r = await dispatch('threats:list', { filter: q.filter, sort, offset: q.offset, limit: 100 });
        service.push(now() - t);
        if (!r.ok) throw new Error(r.error.message);
        t = now();
        bare(i);
        bareRound.push(now() - t);
      }
      ratios.push(median(service) / median(bareRound));
      serviceMs.push(...service);
      bareMs.push(...bareRound);
    }
    closeDatabase(db);
    ctx.progress(
      `  page: service median ${median(serviceMs).toFixed(2)} ms, bare ${median(bareMs).toFixed(2)} ms`,
    );
    return ratios;
  },
};

export const searchP95Ms: Figure = {
  id: 'searchP95Ms',
  what: 'full-text search over the whole log, 95th percentile',
  goalText: '≤ 20 ms',
  met: (v) => v <= 20,
  async measure(ctx) {
    const db = openDatabase(ctx.mainDb, { check: 'none' });
    const dispatch = createDispatcher(createHandlers(contextFor(db, ctx.mainDb)));
    const r = rng(11);
    const terms = Array.from({ length: 200 }, () =>
      r() < 0.7
        ? SEARCH_TERMS[Math.floor(r() * SEARCH_TERMS.length)]!
        : `${SEARCH_TERMS[Math.floor(r() * SEARCH_TERMS.length)]} ${SEARCH_TERMS[Math.floor(r() * SEARCH_TERMS.length)]}`,
    );
    for (const term of terms.slice(0, 20))
      await dispatch('threats:list', { filter: { search: term }, limit: 100 });
    // Three rounds over the terms: each round's 95th percentile is one run of the figure.
    const p95s: number[] = [];
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const roundTimes: number[] = [];
      for (const term of terms) {
        const t = now();
        const res = await dispatch('threats:list', { filter: { search: term }, limit: 100 });
        roundTimes.push(now() - t);
        if (!res.ok) throw new Error(res.error.message);
      }
      p95s.push(percentile(roundTimes, 95));
      times.push(...roundTimes);
    }
    closeDatabase(db);
    ctx.progress(
      `  search: median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
    );
    return p95s;
  },
};
