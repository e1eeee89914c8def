// Stored assessments and decisions in SQLite. Returns domain objects, never rows. Append-only:
// the tables' triggers refuse updates and deletes.
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { AssessmentSummary, Decision, StoredAssessment } from '../../shared/domain/decision';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';
import { assessedFields, type AssessedRow } from './assessment-row';

export interface NewAssessment {
  result: AssessmentResult;
  electionId: string | null;
  createdBy: string | null;
  createdRole: string | null;
  createdAt: string;
}

export type NewDecision = Omit<Decision, 'id'>;

interface AssessmentRow extends AssessedRow {
  election_id: string | null;
  created_by: string | null;
  created_role: string | null;
  created_at: string;
}

const SUMMARY_COLUMNS =
  'a.id, a.threat_ids, a.cluster, a.election_id, a.level, a.score, a.policy_version, ' +
  'a.threat_versions, a.as_of, a.created_by, a.created_role, a.created_at';

export class AssessmentRepository {
  constructor(private readonly db: Db) {}

  insert(a: NewAssessment): number {
    const r = a.result;
    const info = cached(
      this.db,
      `INSERT INTO assessments (threat_ids, cluster, election_id, level, score, policy_version, threat_versions, as_of, result, created_by, created_role, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      JSON.stringify(r.threatIds),
      r.cluster ? 1 : 0,
      a.electionId,
      r.level,
      r.score,
      r.policyVersion,
      JSON.stringify(r.threatVersions),
      r.asOf,
      JSON.stringify(r),
      a.createdBy,
      a.createdRole,
      a.createdAt,
    );
    const id = Number(info.lastInsertRowid);
    const link = cached(
      this.db,
      'INSERT INTO assessment_threats (threat_id, assessment_id, threat_version) VALUES (?, ?, ?)',
    );
    for (const threatId of r.threatIds) link.run(threatId, id, r.threatVersions[threatId] ?? 1);
    return id;
  }

  get(id: number): StoredAssessment | undefined {
    const row = cached(this.db, `SELECT ${SUMMARY_COLUMNS}, a.result FROM assessments a WHERE a.id = ?`).get(
      id,
    ) as (AssessmentRow & { result: string }) | undefined;
    if (!row) return undefined;
    return { ...this.summary(row), result: JSON.parse(row.result) as AssessmentResult };
  }

  /** Every assessment that looked at the threat (alone or in a cluster), newest first, with its decisions. */
  listForThreat(threatId: string, limit = 200): AssessmentSummary[] {
    const rows = cached(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM assessment_threats l JOIN assessments a ON a.id = l.assessment_id
       WHERE l.threat_id = ? ORDER BY a.id DESC LIMIT ?`,
    ).all(threatId, limit) as AssessmentRow[];
    return rows.map((r) => this.summary(r));
  }

  /** The most recent assessments, newest first. */
  recent(limit = 50): AssessmentSummary[] {
    const rows = cached(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM assessments a ORDER BY a.id DESC LIMIT ?`,
    ).all(limit) as AssessmentRow[];
    return rows.map((r) => this.summary(r));
  }

  /** The latest stored assessment of exactly this set of threats (any order), if any. */
  latestFor(threatIds: readonly string[]): StoredAssessment | undefined {
    const key = JSON.stringify([...threatIds].sort());
    const first = threatIds[0];
    if (first === undefined) return undefined;
    for (const s of this.listForThreat(first, 1000)) {
      if (JSON.stringify([...s.threatIds].sort()) === key) return this.get(s.id);
    }
    return undefined;
  }

  insertDecision(d: NewDecision): Decision {
    const info = cached(
      this.db,
      'INSERT INTO decisions (assessment_id, recommended_level, level, rationale, decided_by, ' +
        'role, decided_at, account_id, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      d.assessmentId,
      d.recommendedLevel,
      d.level,
      d.rationale,
      d.decidedBy,
      d.role,
      d.decidedAt,
      d.accountId,
      d.contentHash,
      d.signature,
    );
    return { id: Number(info.lastInsertRowid), ...d };
  }

  decisions(assessmentId: number): Decision[] {
    return cached(
      this.db,
      `SELECT id, assessment_id AS assessmentId, recommended_level AS recommendedLevel, level, rationale,
          decided_by AS decidedBy, role, decided_at AS decidedAt, account_id AS accountId,
          content_hash AS contentHash, signature FROM decisions WHERE assessment_id = ? ORDER BY id`,
    ).all(assessmentId) as Decision[];
  }

  /** Every decision with each threat its assessment looked at, oldest first ("responses and their effect"). */
  decisionTimes(): { threatId: string; decidedAt: string }[] {
    return cached(
      this.db,
      `SELECT l.threat_id AS threatId, d.decided_at AS decidedAt FROM decisions d
       JOIN assessment_threats l ON l.assessment_id = d.assessment_id ORDER BY d.id`,
    ).all() as { threatId: string; decidedAt: string }[];
  }

  private summary(row: AssessmentRow): AssessmentSummary {
    const { id, threatIds, cluster, ...assessed } = assessedFields(row);
    return {
      id,
      threatIds,
      cluster,
      electionId: row.election_id,
      ...assessed,
      createdBy: row.created_by,
      createdRole: row.created_role,
      createdAt: row.created_at,
      decisions: this.decisions(row.id),
    };
  }
}
