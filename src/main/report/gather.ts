// Gathers the after-action report from the record: the dashboard's own series (so the report's figures are
// the dashboard's), decisions with the policy version they used, the statements released, outcome
// observations, policy changes during the election, and, only when asked for, the classified notes.
import { AppError } from '../../shared/errors';
import { MARKINGS, type Draft, type Marking } from '../../shared/domain/drafting';
import { levelRank } from '../../shared/domain/enums';
import { AssessmentRepository } from '../assessment/repository';
import { compilePolicy } from '../assessment/compile';
import { electionCalendar, DAY_MS } from '../assessment/calendar';
import { currentPolicy, policyAtVersion, policyChangeLog } from '../assessment/policy-store';
import type { ServiceContext } from '../context';
import { dashboardSeries } from '../dashboard/service';
import { responsesIn } from '../dashboard/responses';
import { DraftingRepository } from '../drafting/repository';
import { ElectionRepository } from '../elections/repository';
import { OrganisationRepository } from '../organisation/repository';
import { changedPaths } from '../organisation/service';
import { OutcomeRepository } from '../outcomes/repository';
import { ThreatStore } from '../threats/store';
import type { Election } from '../../shared/domain/workspace';
import type { ReportData, ReportDecision, ReportStatement, ReportThreat } from './model';
import { isPublicTemplate } from '../../shared/domain/drafting';

const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The election's critical window (from the policy in force): from its opening to the end of the count. */
function criticalWindow(ctx: ServiceContext, election: Election): { from: string; to: string } {
  const cal = electionCalendar(election, compilePolicy(currentPolicy(ctx.db)));
  if (!cal) return { from: election.pollingDay, to: election.pollingDay };
  return { from: dayOf(cal.criticalStart), to: dayOf(cal.countEnd) };
}

function statementText(draft: Draft): ReportStatement['text'] {
  const out: ReportStatement['text'] = {};
  for (const lang of draft.languages)
    out[lang] = (draft.sections[lang] ?? []).flatMap((s) => [
      ...(s.heading ? [s.heading] : []),
      ...s.text.split(/\n+/).filter((line) => line.trim() !== ''),
    ]);
  return out;
}

/** Policy versions saved from the writ (or the critical window) to certification, with what changed. */
function policyChanges(ctx: ServiceContext, from: string, to: string): ReportData['policyChanges'] {
  return policyChangeLog(ctx.db)
    .filter((v) => v.savedAt.slice(0, 10) >= from && v.savedAt.slice(0, 10) <= to)
    .map((v) => {
      const before = policyAtVersion(ctx.db, v.version - 1);
      const after = policyAtVersion(ctx.db, v.version);
      const changed = before && after ? changedPaths(before, after).filter((p) => p !== 'version') : [];
      return { ...v, changed };
    });
}

export function gatherReport(
  ctx: ServiceContext,
  req: { electionId: string; classified: boolean; asOf?: string | undefined },
): ReportData {
  const election = new ElectionRepository(ctx.db).get(req.electionId);
  if (!election)
    throw new AppError('not-found', {
      id: 'assessment/there-no-election-with',
      params: { electionId: req.electionId },
    });
  const asOf = req.asOf ?? ctx.clock().toISOString().slice(0, 10);
  const dashboard = dashboardSeries(ctx, { electionId: election.id, bucket: 'auto' });
  const window = criticalWindow(ctx, election);
  const windowData = dashboardSeries(ctx, {
    electionId: election.id,
    from: window.from,
    to: window.to,
    bucket: 'day',
  });
  const responses = responsesIn(ctx, { electionId: election.id }, asOf);

  const store = new ThreatStore(ctx.db);
  const threats = store.exportable({ filter: { electionId: election.id } });
  const assessments = new AssessmentRepository(ctx.db);
  const timeline: ReportThreat[] = [];
  for (const { threat, level } of threats) {
    const decisions: ReportDecision[] = assessments.listForThreat(threat.id).flatMap((a) =>
      a.decisions.map((d) => ({
        assessmentId: a.id,
        recommendedLevel: d.recommendedLevel,
        level: d.level,
        rationale: d.rationale,
        decidedBy: d.decidedBy,
        role: d.role,
        decidedAt: d.decidedAt,
        policyVersion: a.policyVersion,
        threatIds: a.threatIds,
      })),
    );
    decisions.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
    const high = level !== null && levelRank(level) >= levelRank('engage-privately');
    if (high || decisions.length)
      timeline.push({
        id: threat.id,
        title: threat.title,
        titles: {
          en: threat.title,
          ...(threat.translations?.fr?.title ? { fr: threat.translations.fr.title } : {}),
        },
        firstSeen: threat.time.firstSeen,
        level,
        status: threat.status ?? null,
        decisions,
      });
  }
  timeline.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));

  const inElection = new Set(threats.map((t) => t.threat.id));
  const statements: ReportStatement[] = new DraftingRepository(ctx.db)
    .firstApprovals()
    // Statements issued: what went to the public, not the notes sent to partners (those are responses,
    // counted in the outcomes) nor internal briefings.
    .filter(
      (r) =>
        r.releasable && isPublicTemplate(r.draft.template) && r.threatIds.some((id) => inElection.has(id)),
    )
    .map((r) => ({
      draftId: r.draftId,
      version: r.version,
      template: r.draft.template,
      title: r.draft.title,
      text: statementText(r.draft),
      releasedOn: r.approvedAt.slice(0, 10),
      threatIds: r.threatIds,
    }))
    .sort((a, b) => a.releasedOn.localeCompare(b.releasedOn));

  const from = election.writIssued && election.writIssued < window.from ? election.writIssued : window.from;
  const annex = req.classified
    ? [...store.iterateForExport({ electionId: election.id, includeClassified: true })]
        .filter((t) => t.classifiedNotes?.length)
        .map((t) => ({ threatId: t.id, title: t.title, notes: t.classifiedNotes ?? [] }))
    : null;
  const rank = (m: Marking) => MARKINGS.indexOf(m);
  const annexMarking = annex
    ? annex
        .flatMap((a) => a.notes.map((n) => n.classification as Marking))
        .reduce<Marking>((a, b) => (rank(b) > rank(a) ? b : a), 'UNCLASSIFIED')
    : null;
  return {
    election,
    organisation: new OrganisationRepository(ctx.settings).get(),
    asOf,
    dashboard,
    criticalWindow: { ...window, data: windowData },
    responses,
    timeline,
    statements,
    policyChanges: policyChanges(ctx, from, window.to),
    outcomes: new OutcomeRepository(ctx.db).live([...inElection]),
    annex,
    // Without the annex nothing classified is in the report: the lowest marking fits. With it, the document
    // carries the highest level its annex cites.
    marking: annexMarking ?? 'UNCLASSIFIED',
    annexMarking,
  };
}
