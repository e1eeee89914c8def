// Plans and drafts in SQLite, every version kept whole. Returns domain objects, never rows.
import type { AssessmentResult } from '../../shared/domain/assessment';
import type {
  CommunicationPlan,
  Draft,
  DraftLang,
  DraftStatus,
  TemplateId,
} from '../../shared/domain/drafting';
import type {
  DraftVersionSummary,
  PlanSummary,
  PlanVersionSummary,
} from '../../shared/domain/drafting-records';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';

/** The whole assessment a plan version was built from (the briefing note quotes its explanation). */
export type StoredAssessment = AssessmentResult;

export interface Author {
  at: string;
  by: string | null;
  role: string | null;
}

export interface StoredPlan {
  id: string;
  electionId: string | null;
  cluster: boolean;
  threatIds: string[];
  currentVersion: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface StoredPlanVersion extends PlanVersionSummary {
  plan: CommunicationPlan;
  assessment: StoredAssessment;
}

export interface StoredDraft {
  id: string;
  planId: string;
  template: TemplateId;
  currentVersion: number;
  status: DraftStatus;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface StoredDraftVersion {
  version: number;
  planVersion: number;
  status: DraftStatus;
  draft: Draft;
  change: string;
  savedAt: string;
  savedBy: string | null;
  savedRole: string | null;
}

interface PlanRow {
  id: string;
  election_id: string | null;
  cluster: number;
  threat_ids: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

interface DraftRow {
  id: string;
  plan_id: string;
  template: TemplateId;
  version: number;
  status: DraftStatus;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The columns every saved version has, a plan's or a draft's. */
interface SavedVersionRow {
  version: number;
  change: string;
  saved_at: string;
  saved_by: string | null;
  saved_role: string | null;
}

interface DraftVersionRow extends SavedVersionRow {
  plan_version: number;
  doc: string;
  status: DraftStatus;
}

export class DraftingRepository {
  constructor(private readonly db: Db) {}

  // Plans

  insertPlan(
    p: {
      id: string;
      electionId: string | null;
      cluster: boolean;
      plan: CommunicationPlan;
      assessment: StoredAssessment;
    },
    who: Author,
  ): void {
    cached(
      this.db,
      `INSERT INTO comm_plans (id, election_id, cluster, threat_ids, version, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(p.id, p.electionId, p.cluster ? 1 : 0, JSON.stringify(p.plan.threatIds), who.at, who.by, who.at);
    const link = cached(
      this.db,
      'INSERT OR IGNORE INTO comm_plan_threats (threat_id, plan_id) VALUES (?, ?)',
    );
    for (const t of p.plan.threatIds) link.run(t, p.id);
    this.insertPlanVersion(p.id, 1, p.plan, p.assessment, 'created', who);
  }

  /** Adds the next version of a plan and makes it current; returns its number. */
  addPlanVersion(
    id: string,
    plan: CommunicationPlan,
    assessment: StoredAssessment,
    change: string,
    who: Author,
  ): number {
    const version = nextVersion(this.getPlan(id), 'plan', id);
    this.insertPlanVersion(id, version, plan, assessment, change, who);
    cached(this.db, 'UPDATE comm_plans SET version = ?, updated_at = ? WHERE id = ?').run(
      version,
      who.at,
      id,
    );
    return version;
  }

  private insertPlanVersion(
    id: string,
    version: number,
    plan: CommunicationPlan,
    assessment: StoredAssessment,
    change: string,
    who: Author,
  ): void {
    const doc = { doc: JSON.stringify(plan), assessment: JSON.stringify(assessment) };
    this.insertVersion('comm_plan_versions', { plan_id: id }, version, doc, change, who);
  }

  /** Stores a version of a plan or a draft whole, with who saved it and why. */
  private insertVersion(
    table: 'comm_plan_versions' | 'draft_versions',
    owner: { plan_id: string } | { draft_id: string },
    version: number,
    content: Record<string, string | number>,
    change: string,
    who: Author,
  ): void {
    const values = {
      ...owner,
      version,
      ...content,
      change,
      saved_at: who.at,
      saved_by: who.by,
      saved_role: who.role,
    };
    const columns = Object.keys(values);
    cached(
      this.db,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...Object.values(values));
  }

  getPlan(id: string): StoredPlan | undefined {
    const columns = 'id, election_id, cluster, threat_ids, version, created_at, created_by, updated_at';
    return this.live('comm_plans', columns, id, toPlan);
  }

  planVersion(id: string, version: number): StoredPlanVersion | undefined {
    const row = cached(
      this.db,
      'SELECT version, doc, assessment, change, saved_at, saved_by, saved_role FROM comm_plan_versions ' +
        'WHERE plan_id = ? AND version = ?',
    ).get(id, version) as (SavedVersionRow & { doc: string; assessment: string }) | undefined;
    if (!row) return undefined;
    return {
      ...toSavedVersion(row),
      plan: JSON.parse(row.doc) as CommunicationPlan,
      assessment: JSON.parse(row.assessment) as StoredAssessment,
    };
  }

  planVersions(id: string): PlanVersionSummary[] {
    return (
      cached(
        this.db,
        'SELECT version, change, saved_at, saved_by, saved_role FROM comm_plan_versions WHERE ' +
          'plan_id = ? ORDER BY version DESC',
      ).all(id) as SavedVersionRow[]
    ).map(toSavedVersion);
  }

  /** Plans that include the threat (or every plan), newest first. */
  listPlans(threatId?: string): PlanSummary[] {
    const sql = threatId
      ? `SELECT p.*, v.doc FROM comm_plans p JOIN comm_plan_threats t ON t.plan_id = p.id
           JOIN comm_plan_versions v ON v.plan_id = p.id AND v.version = p.version
         WHERE t.threat_id = ? AND p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.rowid DESC LIMIT 500`
      : `SELECT p.*, v.doc FROM comm_plans p JOIN comm_plan_versions v ON v.plan_id = p.id AND v.version = p.version
         WHERE p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.rowid DESC LIMIT 500`;
    const rows = (threatId ? cached(this.db, sql).all(threatId) : cached(this.db, sql).all()) as (PlanRow & {
      doc: string;
    })[];
    return rows.map((r) => {
      const plan = JSON.parse(r.doc) as CommunicationPlan;
      return {
        id: r.id,
        cluster: r.cluster === 1,
        threatIds: JSON.parse(r.threat_ids) as string[],
        version: r.version,
        level: plan.level,
        asOf: plan.asOf,
        updatedAt: r.updated_at,
      };
    });
  }

  // Drafts

  insertDraft(d: { id: string; planId: string; planVersion: number; draft: Draft }, who: Author): void {
    cached(
      this.db,
      `INSERT INTO drafts (id, plan_id, template, version, status, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    ).run(d.id, d.planId, d.draft.template, d.draft.status, who.at, who.by, who.at, who.by);
    this.insertDraftVersion(d.id, 1, d.planVersion, d.draft, 'created', who);
  }

  /** Adds the next version of a draft and makes it current; returns its number. */
  addDraftVersion(id: string, planVersion: number, draft: Draft, change: string, who: Author): number {
    const version = nextVersion(this.getDraft(id), 'draft', id);
    this.insertDraftVersion(id, version, planVersion, draft, change, who);
    cached(
      this.db,
      'UPDATE drafts SET version = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(version, draft.status, who.at, who.by, id);
    return version;
  }

  /** Records a sign-off on the current version (its text unchanged). Refused by the database once approved. */
  setDraftStatus(id: string, version: number, draft: Draft, who: Author): void {
    cached(this.db, 'UPDATE draft_versions SET status = ?, doc = ? WHERE draft_id = ? AND version = ?').run(
      draft.status,
      JSON.stringify(draft),
      id,
      version,
    );
    cached(this.db, 'UPDATE drafts SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      draft.status,
      who.at,
      who.by,
      id,
    );
  }

  private insertDraftVersion(
    id: string,
    version: number,
    planVersion: number,
    draft: Draft,
    change: string,
    who: Author,
  ): void {
    const doc = { plan_version: planVersion, doc: JSON.stringify(draft), status: draft.status };
    this.insertVersion('draft_versions', { draft_id: id }, version, doc, change, who);
  }

  getDraft(id: string): StoredDraft | undefined {
    const columns = 'id, plan_id, template, version, status, created_at, created_by, updated_at, updated_by';
    return this.live('drafts', columns, id, toDraft);
  }

  /** A plan or a draft, unless it is deleted. */
  private live<Row, T>(
    table: 'comm_plans' | 'drafts',
    columns: string,
    id: string,
    toRecord: (row: Row) => T,
  ): T | undefined {
    const row = cached(this.db, `SELECT ${columns} FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(
      id,
    ) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  draftVersion(id: string, version: number): StoredDraftVersion | undefined {
    const row = cached(
      this.db,
      'SELECT version, plan_version, doc, status, change, saved_at, saved_by, saved_role ' +
        'FROM draft_versions WHERE draft_id = ? AND version = ?',
    ).get(id, version) as DraftVersionRow | undefined;
    return row ? toDraftVersion(row) : undefined;
  }

  draftVersions(id: string): DraftVersionSummary[] {
    return (
      cached(
        this.db,
        'SELECT version, plan_version, doc, status, change, saved_at, saved_by, saved_role ' +
          'FROM draft_versions WHERE draft_id = ? ORDER BY version DESC',
      ).all(id) as DraftVersionRow[]
    ).map((r) => {
      const v = toDraftVersion(r);
      return {
        version: v.version,
        planVersion: v.planVersion,
        status: v.status,
        savedAt: v.savedAt,
        savedBy: v.savedBy,
        savedRole: v.savedRole,
        change: v.change,
        approvals: v.draft.approvals ?? {},
      };
    });
  }

  latestApprovedVersion(id: string): number | null {
    const row = cached(
      this.db,
      "SELECT max(version) AS v FROM draft_versions WHERE draft_id = ? AND status = 'approved'",
    ).get(id) as { v: number | null };
    return row.v;
  }

  /**
   * Each live draft's first approved version: when it was approved (the approver's date, else when the
   * version was saved), the threats it is about and whether it leaves the organisation. The release record.
   */
  firstApprovals(): {
    draftId: string;
    version: number;
    approvedAt: string;
    threatIds: string[];
    releasable: boolean;
    draft: Draft;
  }[] {
    const rows = cached(
      this.db,
      `SELECT v.draft_id AS draftId, v.version, v.saved_at AS savedAt, v.doc FROM draft_versions v
       JOIN drafts d ON d.id = v.draft_id WHERE d.deleted_at IS NULL AND v.status = 'approved'
       AND v.version = (SELECT min(a.version) FROM draft_versions a WHERE a.draft_id = v.draft_id AND a.status = 'approved')
       ORDER BY v.saved_at, v.draft_id`,
    ).all() as { draftId: string; version: number; savedAt: string; doc: string }[];
    return rows.map((r) => {
      const draft = JSON.parse(r.doc) as Draft;
      return {
        draftId: r.draftId,
        version: r.version,
        approvedAt: draft.approvals?.approved?.date ?? r.savedAt,
        threatIds: draft.threatIds,
        releasable: draft.releasable,
        draft,
      };
    });
  }

  /** Drafts written from the given plans (or every draft), newest first, with their current title. */
  listDrafts(planIds?: readonly string[]): (StoredDraft & {
    threatIds: string[];
    languages: DraftLang[];
    title: Draft['title'];
    approvedVersion: number | null;
  })[] {
    const base = `SELECT d.*, v.doc, (SELECT max(a.version) FROM draft_versions a WHERE a.draft_id = d.id AND a.status = 'approved') AS approved
      FROM drafts d JOIN draft_versions v ON v.draft_id = d.id AND v.version = d.version WHERE d.deleted_at IS NULL`;
    const order = ' ORDER BY d.updated_at DESC, d.rowid DESC LIMIT 1000';
    let rows: (DraftRow & { doc: string; approved: number | null })[];
    if (planIds === undefined) rows = cached(this.db, base + order).all() as typeof rows;
    else if (planIds.length === 0) rows = [];
    else
      rows = this.db
        .prepare(`${base} AND d.plan_id IN (${planIds.map(() => '?').join(', ')})${order}`)
        .all(...planIds) as typeof rows;
    return rows.map((r) => {
      const draft = JSON.parse(r.doc) as Draft;
      return {
        ...toDraft(r),
        threatIds: draft.threatIds,
        languages: draft.languages,
        title: draft.title,
        approvedVersion: r.approved,
      };
    });
  }
}

/** The number of the version after a plan's or a draft's current one. */
function nextVersion(current: { currentVersion: number } | undefined, kind: string, id: string): number {
  if (!current) throw new Error(`${kind} ${id} does not exist`);
  return current.currentVersion + 1;
}

/** The columns a plan's row and a draft's row share. */
type HeadRow = Pick<PlanRow, 'id' | 'version' | 'created_at' | 'created_by' | 'updated_at'>;

/** When a plan or a draft was made and last changed, and by whom. */
function madeAndChanged(row: HeadRow): Pick<StoredPlan, 'createdAt' | 'createdBy' | 'updatedAt'> {
  return { createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at };
}

function toPlan(row: PlanRow): StoredPlan {
  return {
    id: row.id,
    electionId: row.election_id,
    cluster: row.cluster === 1,
    threatIds: JSON.parse(row.threat_ids) as string[],
    currentVersion: row.version,
    ...madeAndChanged(row),
  };
}

function toDraft(row: DraftRow): StoredDraft {
  return {
    id: row.id,
    planId: row.plan_id,
    template: row.template,
    currentVersion: row.version,
    status: row.status,
    ...madeAndChanged(row),
    updatedBy: row.updated_by,
  };
}

function toSavedVersion(row: SavedVersionRow): PlanVersionSummary {
  return {
    version: row.version,
    change: row.change,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    savedRole: row.saved_role,
  };
}

function toDraftVersion(row: DraftVersionRow): StoredDraftVersion {
  const { version, ...saved } = toSavedVersion(row);
  return {
    version,
    planVersion: row.plan_version,
    status: row.status,
    draft: JSON.parse(row.doc) as Draft,
    ...saved,
  };
}
