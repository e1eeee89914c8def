// The dashboard's aggregations, in SQL: GROUP BY over indexed columns, never a copy of the log.
// The scope (election, first-seen range) is the log's own filter, so that a click through
// lands on exactly the threats a bar counts.
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import type { Bucket, Count } from '../../shared/domain/dashboard';
import type { ThreatFilter } from '../../shared/domain/threat-log';
import { buildWhere } from '../threats/list-query';

const BUCKET_SQL: Record<Bucket, string> = {
  day: 'substr(t.first_seen, 1, 10)',
  // Monday of the week (ISO 8601): back six days, then forward to the next Monday.
  week: "date(t.first_seen, '-6 days', 'weekday 1')",
  month: "substr(t.first_seen, 1, 7) || '-01'",
};

const GROUP_COLUMNS = {
  type: 't.type',
  purpose: 't.purpose',
  targetKind: 't.target_kind',
  level: "coalesce(t.level, 'unassessed')",
} as const;

const INDEXES = { election: 'threats_dashboard_election', all: 'threats_log' } as const;

export class DashboardRepository {
  private readonly indexed: boolean;

  constructor(private readonly db: Db) {
    const present = db
      .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN (?, ?)")
      .pluck()
      .get(INDEXES.election, INDEXES.all) as number;
    this.indexed = present === 2;
  }

  private where(scope: ThreatFilter) {
    return buildWhere({ electionId: scope.electionId, from: scope.from, to: scope.to });
  }

  /** The threats table, read through the covering index (migration 0050) that fits the scope:
   *  the planner would otherwise fetch each threat's row to check its election. */
  private threats(scope: ThreatFilter): string {
    if (!this.indexed) return 'threats t';
    return `threats t INDEXED BY ${scope.electionId ? INDEXES.election : INDEXES.all}`;
  }

  total(scope: ThreatFilter): number {
    const w = this.where(scope);
    return cached(this.db, `SELECT count(*) FROM ${this.threats(scope)} WHERE ${w.sql}`)
      .pluck()
      .get(...w.params) as number;
  }

  /** First and last day with a threat in scope. */
  span(scope: ThreatFilter): { first: string | null; last: string | null } {
    const w = this.where(scope);
    const row = cached(
      this.db,
      `SELECT substr(min(t.first_seen), 1, 10) AS first, substr(max(t.first_seen), 1, 10) ` +
        `AS last FROM ${this.threats(scope)} WHERE ${w.sql}`,
    ).get(...w.params) as {
      first: string | null;
      last: string | null;
    };
    return row;
  }

  countBy(scope: ThreatFilter, field: keyof typeof GROUP_COLUMNS): Count[] {
    const w = this.where(scope);
    return cached(
      this.db,
      `SELECT ${GROUP_COLUMNS[field]} AS key, count(*) AS count FROM ${this.threats(scope)} ` +
        `WHERE ${w.sql} GROUP BY 1 ORDER BY 2 DESC, 1`,
    ).all(...w.params) as Count[];
  }

  /** Threats per bucket and type. */
  overTime(scope: ThreatFilter, bucket: Bucket): { bucket: string; key: string; count: number }[] {
    const w = this.where(scope);
    return cached(
      this.db,
      `SELECT ${BUCKET_SQL[bucket]} AS bucket, t.type AS key, count(*) AS count FROM ${this.threats(scope)} ` +
        `WHERE ${w.sql} GROUP BY 1, 2`,
    ).all(...w.params) as {
      bucket: string;
      key: string;
      count: number;
    }[];
  }

  /** Regions or channels by number of threats: the first `limit`, and the sum of the rest. */
  countByTag(
    scope: ThreatFilter,
    what: 'region' | 'channel',
    limit: number,
  ): { top: Count[]; others: number } {
    const w = this.where(scope);
    const table = what === 'region' ? 'threat_regions' : 'threat_channels';
    const all = cached(
      this.db,
      `SELECT x.${what} AS key, count(*) AS count FROM ${this.threats(scope)} CROSS JOIN ` +
        `${table} x ON x.threat_rowid = t.rowid WHERE ${w.sql} GROUP BY x.${what} ORDER BY ` +
        `2 DESC, 1 COLLATE NOCASE`,
    ).all(...w.params) as Count[];
    return { top: all.slice(0, limit), others: all.slice(limit).reduce((n, c) => n + c.count, 0) };
  }

  private columns(table: string): Set<string> {
    return new Set(
      (this.db.pragma(`table_info(${JSON.stringify(table)})`) as { name: string }[]).map((c) => c.name),
    );
  }

  /** Whether the assessment decision tables (migration 0030) are here, with the columns this query needs. */
  hasDecisions(): boolean {
    const d = this.columns('decisions');
    const at = this.columns('assessment_threats');
    return d.has('assessment_id') && at.has('threat_id') && at.has('assessment_id');
  }

  /** Threats in scope at engage-privately or speak-publicly with no decision recorded on any of their assessments. */
  decisionsAwaiting(scope: ThreatFilter): number {
    const w = this.where(scope);
    return cached(
      this.db,
      `SELECT count(*) FROM threats t WHERE ${w.sql} AND t.level IN ('engage-privately', 'speak-publicly')
       AND NOT EXISTS (SELECT 1 FROM assessment_threats a JOIN decisions d ON d.assessment_id = a.assessment_id WHERE a.threat_id = t.id)`,
    )
      .pluck()
      .get(...w.params) as number;
  }

  /** Before decisions are recorded in their own tables: threats at those levels not yet responded to or closed. */
  awaitingByStatus(scope: ThreatFilter): number {
    const w = this.where(scope);
    return cached(
      this.db,
      `SELECT count(*) FROM threats t WHERE ${w.sql} AND t.level IN ('engage-privately', ` +
        `'speak-publicly') AND coalesce(t.status, '') NOT IN ('responded', 'closed')`,
    )
      .pluck()
      .get(...w.params) as number;
  }

  /** Live drafts not yet approved (drafting tables of migration 0040), or null when they are not here. */
  draftsAwaiting(electionId: string | undefined): number | null {
    const drafts = this.columns('drafts');
    if (!drafts.has('status')) return null;
    const live = drafts.has('deleted_at') ? 'AND d.deleted_at IS NULL' : '';
    const plans = this.columns('comm_plans');
    if (electionId && drafts.has('plan_id') && plans.has('election_id')) {
      return cached(
        this.db,
        `SELECT count(*) FROM drafts d JOIN comm_plans p ON p.id = d.plan_id WHERE d.status ` +
          `<> 'approved' ${live} AND p.election_id = ?${plans.has('deleted_at') ? ' AND p.deleted_at IS NULL' : ''}`,
      )
        .pluck()
        .get(electionId) as number;
    }
    return cached(this.db, `SELECT count(*) FROM drafts d WHERE d.status <> 'approved' ${live}`)
      .pluck()
      .get() as number;
  }
}
