// What the after-action report says, gathered from the record (gather.ts) before it is written (write-report.ts).
import type { DashboardData } from '../../shared/domain/dashboard';
import type { Decision } from '../../shared/domain/decision';
import type { Marking } from '../../shared/domain/drafting';
import type { Level } from '../../shared/domain/enums';
import type { OrganisationProfile } from '../../shared/domain/organisation';
import type { Outcome } from '../../shared/domain/outcomes';
import type { ResponsesData } from '../../shared/domain/responses';
import type { ClassifiedNote, Election } from '../../shared/domain/workspace';

export type ReportLang = 'en' | 'fr';

/** A decision as the report tells it. */
export interface ReportDecision extends Pick<
  Decision,
  'assessmentId' | 'recommendedLevel' | 'level' | 'rationale' | 'decidedBy' | 'role' | 'decidedAt'
> {
  /** The policy version the assessment used: the one in force. */
  policyVersion: number;
  /** The threats the decision was about (several for a cluster). */
  threatIds: string[];
}

export interface ReportThreat {
  id: string;
  title: string;
  /** The title in each language the record has it in. */
  titles: Partial<Record<ReportLang, string>>;
  firstSeen: string;
  level: Level | null;
  status: string | null;
  decisions: ReportDecision[];
}

export interface ReportStatement {
  draftId: string;
  version: number;
  template: string;
  title: Partial<Record<ReportLang, string>>;
  /** Each language's text, paragraph by paragraph (headings kept). */
  text: Partial<Record<ReportLang, string[]>>;
  releasedOn: string;
  threatIds: string[];
}

export interface ReportPolicyChange {
  version: number;
  savedAt: string;
  savedBy: string | null;
  savedRole: string | null;
  note: string | null;
  /** Dotted paths of what changed from the version before. */
  changed: string[];
}

export interface ReportAnnexEntry {
  threatId: string;
  title: string;
  notes: ClassifiedNote[];
}

export interface ReportData {
  election: Election;
  organisation: OrganisationProfile;
  /** YYYY-MM-DD: the day the report was written (the figures' "as of"). */
  asOf: string;
  /** The dashboard's series for the whole election, and for the critical window alone. */
  dashboard: DashboardData;
  criticalWindow: { from: string; to: string; data: DashboardData };
  responses: ResponsesData;
  /** Every threat at engage-privately or above, or with a decision. */
  timeline: ReportThreat[];
  statements: ReportStatement[];
  policyChanges: ReportPolicyChange[];
  outcomes: Outcome[];
  /** Only with --classified. */
  annex: ReportAnnexEntry[] | null;
  /** The marking of the body, and of the annex (the highest it cites). */
  marking: Marking;
  annexMarking: Marking | null;
}
