// "What do we say?" wired to the record: plans built from threats and the assessment under the current policy,
// drafts from templates with every version kept, live checks, sign-offs and the Word document. Every write is
// one transaction with its audit entry; the decisions are the pure functions of ./workflow and the core.
import { createHash, type KeyObject } from 'node:crypto';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type { CommunicationPlan, Draft, DraftLang, Signoff, TemplateId } from '../../shared/domain/drafting';
import type {
  CheckReport,
  DraftExport,
  DraftSaved,
  DraftRecord,
  DraftSummary,
  PlanRecord,
  SectionEdits,
} from '../../shared/domain/drafting-records';
import { highestClassification } from '../../shared/domain/classification';
import type { OrganisationProfile } from '../../shared/domain/organisation';
import type { Election, Threat } from '../../shared/domain/workspace';
import { AppError, staleWrite } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { draftingContract } from '../../shared/ipc/drafting.contract';
import { assessCluster, assessThreat } from '../assessment/engine';
import { currentPolicy } from '../assessment/policy-store';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import type { SaveFilePort } from '../files/save-port';
import { evictOldest } from '../../shared/collections';
import { OrganisationRepository } from '../organisation/repository';
import { newRecordId } from '../records';
import { ThreatStore } from '../threats/store';
import { draftTextHash, signoffContent } from '../signed/approval';
import { buildPlan, type PlanOptions } from './plan/build-plan';
import { renderDraft } from './templates';
import { runChecks, type CheckContext } from './checks';
import { isApproved } from './docx/markings';
import { writeDocx } from './docx/write-docx';
import { writeSignoffRecord } from './docx/signoff-record';
import {
  DraftingRepository,
  type Author,
  type StoredDraftVersion,
  type StoredPlanVersion,
} from './repository';
import {
  applyPlanSections,
  applySectionEdits,
  asNewDraftVersion,
  checkReport,
  checksProblem,
  fourEyesProblem,
  releaseFileName,
  signoffFileName,
  stepProblem,
  mergePlanEdits,
  readabilityOf,
  sameText,
  signOff,
  type SignoffStep,
} from './workflow';

type DraftingHandlers = HandlersOf<typeof draftingContract>;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Plain-language target for general content (grade 8). */
export const TARGET_GRADE = 8;

/** What the plan needs: the "as of" and the organisation (its name stands for the election authority). */
export function planOptionsFrom(profile: OrganisationProfile, asOf: string): PlanOptions {
  return { asOf, organisation: profile };
}

export class DraftingService {
  readonly repo: DraftingRepository;
  private readonly organisation: OrganisationRepository;
  private readonly threats: ThreatStore;
  private readonly elections: ElectionRepository;
  /** Check contexts by record state, so that checking on every edit reuses the prepared indexes. */
  private readonly checkContexts = new Map<string, CheckContext>();

  constructor(
    private readonly ctx: ServiceContext,
    /** The acting person's signing key, unsealed with the passphrase they just typed (approvals). */
    private readonly freshSigner: (passphrase: string) => Promise<KeyObject>,
    /** Where Word documents are saved (the shell's dialog or download); absent in the CLI. */
    private readonly saveFile?: SaveFilePort,
  ) {
    this.repo = new DraftingRepository(ctx.db);
    this.organisation = new OrganisationRepository(ctx.settings);
    this.threats = new ThreatStore(ctx.db);
    this.elections = new ElectionRepository(ctx.db);
  }

  // Who and when

  private author(): Author {
    const who = this.ctx.actor();
    return { at: this.ctx.clock().toISOString(), by: who?.name ?? null, role: who?.role ?? null };
  }

  private today(): string {
    return this.ctx.clock().toISOString().slice(0, 10);
  }

  /** Who wrote a new version: the signed-in account. */
  private drafted(): Signoff | undefined {
    const who = this.ctx.acting();
    return who
      ? {
          name: who.name,
          role: who.role ?? who.roles.join(', '),
          accountId: who.accountId,
          date: this.today(),
        }
      : undefined;
  }

  /** Audits as the acting account (signed by it). */
  private audit(action: string, subject: string, details: Record<string, unknown>): void {
    this.ctx.record(action, subject, details);
  }

  /** Who speaks in the drafts (Settings → Organisation). */
  profile(): OrganisationProfile {
    return this.organisation.get();
  }

  // The record

  /** Whole threats (classified notes included: the templates leave them out and the checks look for them). */
  private loadThreats(ids: readonly string[], opts: { allowDeleted?: boolean } = {}): Threat[] {
    return ids.map((id) => {
      const found = this.threats.get(id);
      if (!found) throw new AppError('not-found', { id: 'assessment/there-no-threat-with', params: { id } });
      if (found.meta.deletedAt && !opts.allowDeleted)
        throw new AppError('conflict', { id: 'drafting/threat-deleted-undo-delete', params: { id } });
      return found.threat;
    });
  }

  private threatVersions(ids: readonly string[]): Record<string, number> {
    return Object.fromEntries(ids.map((id) => [id, this.threats.get(id)?.meta.version ?? 0]));
  }

  private electionOf(threats: readonly Threat[]): Election | undefined {
    const ids = [...new Set(threats.map((t) => t.electionId))];
    if (ids.length > 1) {
      throw new AppError('invalid-request', {
        id: 'drafting/communication-plan-about-one',
        params: { ids: ids.join(', ') },
      });
    }
    const [id] = ids;
    return id === undefined ? undefined : this.elections.get(id, { includeDeleted: true });
  }

  // Plans

  createPlan(threatIds: string[], cluster: boolean, asOf?: string): PlanRecord {
    const ids = [...new Set(threatIds)];
    if (ids.length > 1 && !cluster) {
      throw new AppError('invalid-request', { id: 'drafting/several-threats-make-one' }, [
        { where: '$.cluster', message: 'must be true for several threats' },
      ]);
    }
    // The "as of" is read in its own offset (its date is the first ten characters), as the core does.
    const when = asOf ?? this.ctx.clock().toISOString();
    return this.ctx.db.transaction(() => {
      const threats = this.loadThreats(ids);
      const [first] = threats;
      if (!first) throw new AppError('invalid-request', { id: 'drafting/name-at-least-one' });
      const election = this.electionOf(threats);
      const versions = this.threatVersions(ids);
      const policy = currentPolicy(this.ctx.db);
      const assessment: AssessmentResult = cluster
        ? assessCluster(threats, election, policy, { asOf: when, versions })
        : assessThreat(first, election, policy, { asOf: when, version: versions[first.id] });
      const plan = buildPlan(threats, election, assessment, planOptionsFrom(this.profile(), when));
      const who = this.author();
      const id = newRecordId('P', this.ctx.clock());
      this.repo.insertPlan(
        { id, electionId: election?.id ?? first.electionId, cluster, plan, assessment },
        who,
      );
      this.audit('plan.created', `plan:${id}`, {
        threatIds: ids,
        cluster,
        asOf: when,
        level: assessment.level,
        score: assessment.score,
        policyVersion: assessment.policyVersion,
      });
      return this.planRecord(id);
    })();
  }

  private storedPlanVersion(
    id: string,
    version?: number,
  ): { plan: NonNullable<ReturnType<DraftingRepository['getPlan']>>; v: StoredPlanVersion } {
    const plan = this.repo.getPlan(id);
    if (!plan)
      throw new AppError('not-found', { id: 'drafting/there-no-communication-plan', params: { id } });
    const v = this.repo.planVersion(id, version ?? plan.currentVersion);
    if (!v)
      throw new AppError('not-found', {
        id: 'drafting/communication-plan-has-no',
        params: { id, version: version ?? plan.currentVersion },
      });
    return { plan, v };
  }

  planRecord(id: string, version?: number): PlanRecord {
    const { plan, v } = this.storedPlanVersion(id, version);
    return {
      id,
      electionId: plan.electionId,
      cluster: plan.cluster,
      threatIds: plan.threatIds,
      version: v.version,
      currentVersion: plan.currentVersion,
      plan: v.plan,
      assessment: v.assessment,
      savedAt: v.savedAt,
      savedBy: v.savedBy,
      createdAt: plan.createdAt,
    };
  }

  savePlan(
    id: string,
    expectedVersion: number,
    edited: CommunicationPlan,
    note: string | undefined,
    applyToDraft: { draftId: string; expectedVersion: number } | undefined,
  ): { plan: PlanRecord; draft: DraftRecord | null } {
    return this.ctx.db.transaction(() => {
      const { plan, v } = this.storedPlanVersion(id);
      if (plan.currentVersion !== expectedVersion) {
        const base = this.repo.planVersion(id, expectedVersion);
        throw staleWrite(
          {
            kind: 'plan',
            id,
            changedBy: v.savedBy,
            changedAt: v.savedAt,
            theirs: { version: v.version, record: v.plan },
            yours: { version: expectedVersion, record: base ? mergePlanEdits(base.plan, edited) : edited },
          },
          'communication plan',
        );
      }
      const merged = mergePlanEdits(v.plan, edited);
      const empty = (['en', 'fr'] as const).filter((l) => merged.protectionMeasures[l].length === 0);
      if (empty.length) {
        throw new AppError('invalid-request', { id: 'drafting/say-what-being-done' }, [
          ...empty.map((l) => ({ where: `$.plan.protectionMeasures.${l}`, message: 'must not be empty' })),
        ]);
      }
      let version = plan.currentVersion;
      if (JSON.stringify(merged) !== JSON.stringify(v.plan)) {
        version = this.repo.addPlanVersion(id, merged, v.assessment, note?.trim() || 'edited', this.author());
        this.audit('plan.saved', `plan:${id}`, { version, note: note ?? null });
      }
      let draft: DraftRecord | null = null;
      if (applyToDraft)
        draft = this.applyPlan(applyToDraft.draftId, applyToDraft.expectedVersion, id, version);
      return { plan: this.planRecord(id), draft };
    })();
  }

  /** Rewrites a draft's plan-driven sections from a plan version, as a new draft version. */
  private applyPlan(
    draftId: string,
    expectedVersion: number,
    planId: string,
    planVersion: number,
  ): DraftRecord {
    const { stored, v } = this.currentDraftVersion(draftId, expectedVersion);
    if (stored.planId !== planId)
      throw new AppError('invalid-request', {
        id: 'drafting/draft-not-written-from',
        params: { draftId, planId },
      });
    const pv = this.storedPlanVersion(planId, planVersion).v;
    const rerendered = this.render(stored.template, pv, v.draft.languages, draftId, v.draft.createdAt);
    const next = applyPlanSections(v.draft, rerendered);
    if (sameText(next, v.draft)) return this.draftRecord(draftId);
    const doc = asNewDraftVersion(next, this.drafted());
    const version = this.repo.addDraftVersion(
      draftId,
      planVersion,
      doc,
      `plan version ${planVersion} applied`,
      this.author(),
    );
    this.audit('draft.edited', `draft:${draftId}`, { version, planVersion, change: 'plan applied' });
    return this.draftRecord(draftId);
  }

  // Drafts

  private render(
    template: TemplateId,
    pv: StoredPlanVersion,
    languages: DraftLang[],
    draftId: string,
    createdAt: string,
  ): Draft {
    const threats = this.loadThreats(pv.plan.threatIds);
    return renderDraft(template, {
      threats,
      election: this.electionOf(threats),
      assessment: pv.assessment,
      plan: pv.plan,
      organisation: this.profile(),
      languages,
      draftId,
      createdAt,
    });
  }

  createDraft(planId: string, template: TemplateId, languages?: DraftLang[]): DraftRecord {
    return this.ctx.db.transaction(() => {
      const { v } = this.storedPlanVersion(planId);
      const id = newRecordId('D', this.ctx.clock());
      const who = this.author();
      const langs = languages ?? v.plan.where.languages;
      const rendered = this.render(template, v, langs, id, who.at);
      const draft = asNewDraftVersion(rendered, this.drafted());
      this.repo.insertDraft({ id, planId, planVersion: v.version, draft }, who);
      this.audit('draft.created', `draft:${id}`, {
        planId,
        planVersion: v.version,
        template,
        languages: langs,
        threatIds: draft.threatIds,
      });
      return this.draftRecord(id);
    })();
  }

  private storedDraftVersion(id: string, version?: number) {
    const stored = this.repo.getDraft(id);
    if (!stored) throw new AppError('not-found', { id: 'drafting/there-no-draft-with', params: { id } });
    const v = this.repo.draftVersion(id, version ?? stored.currentVersion);
    if (!v)
      throw new AppError('not-found', {
        id: 'drafting/draft-has-no-version',
        params: { id, version: version ?? stored.currentVersion },
      });
    return { stored, v };
  }

  /** The draft at the version the person opened; a stale one is refused with who changed it and both
   *  versions (`mine`: what the person's edits make of the version they opened). */
  private currentDraftVersion(
    id: string,
    expectedVersion: number,
    mine?: (opened: Draft) => Draft,
  ): { stored: NonNullable<ReturnType<DraftingRepository['getDraft']>>; v: StoredDraftVersion } {
    const found = this.storedDraftVersion(id);
    if (found.stored.currentVersion !== expectedVersion) {
      const opened = this.repo.draftVersion(id, expectedVersion);
      throw staleWrite({
        kind: 'draft',
        id,
        changedBy: found.v.savedBy,
        changedAt: found.v.savedAt,
        theirs: { version: found.v.version, record: found.v.draft },
        yours: {
          version: expectedVersion,
          record: opened ? (mine ? mine(opened.draft) : opened.draft) : null,
        },
      });
    }
    return found;
  }

  /** What the checks need about the record, reused while the record and the plan's assessment stay the same. */
  private checkContext(threatIds: readonly string[], attributionMayBeStated: boolean): CheckContext {
    const threats = this.loadThreats(threatIds, { allowDeleted: true });
    const election = this.electionOf(threats);
    const organisation = this.profile();
    const key = JSON.stringify([
      this.threatVersions(threatIds),
      attributionMayBeStated,
      election ?? null,
      { ...organisation, logo: undefined },
    ]);
    const hit = this.checkContexts.get(key);
    if (hit) return hit;
    const context: CheckContext = {
      threats,
      election,
      assessment: { attributionMayBeStated },
      targetGrade: TARGET_GRADE,
      organisation,
    };
    evictOldest(this.checkContexts, 20);
    this.checkContexts.set(key, context);
    return context;
  }

  report(draft: Draft, planId: string, planVersion: number): CheckReport {
    const pv = this.storedPlanVersion(planId, planVersion).v;
    const context = this.checkContext(draft.threatIds, pv.assessment.attributionMayBeStated);
    return checkReport(runChecks(draft, context), readabilityOf(draft, context.targetGrade ?? TARGET_GRADE));
  }

  draftRecord(id: string, version?: number): DraftRecord {
    const { stored, v } = this.storedDraftVersion(id, version);
    return {
      id,
      planId: stored.planId,
      planVersion: v.planVersion,
      template: stored.template,
      version: v.version,
      currentVersion: stored.currentVersion,
      readOnly: v.status === 'approved' || v.version !== stored.currentVersion,
      draft: v.draft,
      report: this.report(v.draft, stored.planId, v.planVersion),
      savedAt: v.savedAt,
      savedBy: v.savedBy,
      createdAt: stored.createdAt,
    };
  }

  saveDraft(
    id: string,
    expectedVersion: number,
    edits: SectionEdits,
    title?: Partial<Record<DraftLang, string>>,
  ): DraftRecord {
    return this.ctx.db.transaction(() => {
      const { stored, v } = this.currentDraftVersion(id, expectedVersion, (opened) =>
        applySectionEdits(opened, edits, title),
      );
      const edited = applySectionEdits(v.draft, edits, title);
      if (sameText(edited, v.draft)) return this.draftRecord(id);
      const doc = asNewDraftVersion(edited, this.drafted());
      const version = this.repo.addDraftVersion(
        id,
        v.planVersion,
        doc,
        v.status === 'approved' ? `edited after approval of version ${v.version}` : 'edited',
        this.author(),
      );
      const report = this.report(doc, stored.planId, v.planVersion);
      this.audit('draft.edited', `draft:${id}`, {
        version,
        from: v.version,
        previousStatus: v.status,
        errors: report.errors,
      });
      return this.draftRecord(id);
    })();
  }

  check(
    id: string,
    version: number | undefined,
    edits: SectionEdits,
    title?: Partial<Record<DraftLang, string>>,
  ): CheckReport {
    const { stored, v } = this.storedDraftVersion(id, version);
    return this.report(applySectionEdits(v.draft, edits, title), stored.planId, v.planVersion);
  }

  /** The accounts that wrote the text since it was last approved (the versions after the last approved one,
   *  up to `version`): none of them may review or approve it. */
  private authors(id: string, version: number): string[] {
    const versions = this.repo.draftVersions(id).filter((v) => v.version <= version);
    const lastApproved = versions.find((v) => v.status === 'approved' && v.version < version)?.version ?? 0;
    return [
      ...new Set(
        versions
          .filter((v) => v.version > lastApproved)
          .map((v) => v.approvals.drafted?.accountId)
          .filter((a): a is string => a !== undefined),
      ),
    ];
  }

  /**
   * Signs the current version off as reviewed or approved, as the signed-in account, with a signature over
   * its exact text; an approval takes a fresh signature (`passphrase`). The four-eyes rule is enforced
   * here, on accounts: nobody reviews what they wrote, nobody approves what they wrote or reviewed.
   */
  async signoff(
    id: string,
    expectedVersion: number,
    step: SignoffStep,
    passphrase?: string,
  ): Promise<DraftRecord> {
    const acting = this.ctx.require(step === 'approved' ? 'draft.approve' : 'draft.review');
    // Refused before the passphrase is even checked when the rule already says no.
    const current = this.currentDraftVersion(id, expectedVersion).v;
    const early =
      stepProblem(current.draft.status, step) ??
      fourEyesProblem(current.draft, step, acting, this.authors(id, current.version));
    if (early) throw new AppError(stepProblem(current.draft.status, step) ? 'conflict' : 'forbidden', early);
    const signer = step === 'approved' ? await this.freshSigner(passphrase ?? '') : undefined;
    return this.ctx.db.transaction(() => {
      const who = this.ctx.require(step === 'approved' ? 'draft.approve' : 'draft.review');
      const { stored, v } = this.currentDraftVersion(id, expectedVersion);
      const at = this.ctx.clock().toISOString();
      const textHash = draftTextHash(v.draft);
      const sig = this.ctx.sign(
        signoffContent({ draftId: id, version: v.version, step, textHash, accountId: who.accountId, at }),
        signer,
      );
      const signed = signOff(
        v.draft,
        step,
        { accountId: who.accountId, name: who.name, role: who.role ?? acting.roles.join(', ') },
        this.authors(id, v.version),
        { date: at.slice(0, 10), at, textHash, contentHash: sig.contentHash, signature: sig.signature },
      );
      const problem = checksProblem(this.report(v.draft, stored.planId, v.planVersion).checks, step);
      if (problem) throw new AppError('conflict', problem);
      this.repo.setDraftStatus(id, v.version, signed, this.author());
      this.audit(step === 'approved' ? 'draft.approved' : 'draft.reviewed', `draft:${id}`, {
        version: v.version,
        template: stored.template,
        threatIds: v.draft.threatIds,
        textHash,
        contentHash: sig.contentHash,
        signature: sig.signature,
        freshSignature: signer !== undefined,
      });
      if (step === 'approved')
        this.ctx.events.emit('draftApproved', {
          threatIds: v.draft.threatIds,
          draftId: id,
          template: stored.template,
          version: v.version,
        });
      return this.draftRecord(id);
    })();
  }

  /**
   * The two files of an export: the text as it leaves the organisation (no staff names but the media
   * contact, no internal ids, marked DRAFT until approved) and the internal sign-off record that goes with it
   * (who drafted, reviewed and approved it, marked with the highest classification of what it cites).
   */
  private async docx(
    id: string,
    version: number | undefined,
    languages: DraftLang[] | undefined,
    asOf: string | undefined,
  ): Promise<{
    bytes: Buffer;
    signoffBytes: Buffer;
    meta: Omit<DraftExport, 'base64' | 'signoff'> & { signoff: Omit<DraftExport['signoff'], 'base64'> };
    audit: () => void;
  }> {
    const { stored, v } = this.storedDraftVersion(id, version);
    const langs = languages ?? v.draft.languages;
    const missing = langs.filter((l) => !v.draft.languages.includes(l));
    if (missing.length)
      throw new AppError(
        'invalid-request',
        { id: 'drafting/draft-not-written-in-languages', params: { missing: missing.join(', ') } },
        [{ where: '$.languages', message: 'not a language of the draft' }],
      );
    const report = this.report(v.draft, stored.planId, v.planVersion);
    const date = (asOf ?? this.ctx.clock().toISOString()).slice(0, 10);
    const organisation = this.profile();
    const bytes = await writeDocx(v.draft, { date, organisation, languages: langs });
    const markedDraft = !isApproved(v.draft);
    const fileName = releaseFileName(v.draft, { organisation, date, languages: langs, markedDraft });
    const threats = this.loadThreats(v.draft.threatIds, { allowDeleted: true });
    const versions = this.threatVersions(v.draft.threatIds);
    const signoff = await writeSignoffRecord({
      draft: v.draft,
      draftId: id,
      version: v.version,
      planId: stored.planId,
      planVersion: v.planVersion,
      threats: threats.map((t) => ({
        id: t.id,
        title: t.title,
        version: versions[t.id] ?? 0,
        classification: highestClassification(t.classifiedNotes) ?? 'UNCLASSIFIED',
      })),
      report,
      textHash: textFingerprint(v.draft, langs),
      releaseFile: fileName,
      languages: langs,
      date,
      organisation,
    });
    const signoffFile = signoffFileName(id, v.version);
    const audit = () =>
      this.ctx.db.transaction(() => {
        this.audit('draft.exported', `draft:${id}`, {
          version: v.version,
          status: v.draft.status,
          markedDraft,
          languages: langs,
          fileName,
          signoffFile,
          signoffMarking: signoff.marking,
          errors: report.checks.filter((c) => c.severity === 'error').map((c) => c.id),
        });
      })();
    return {
      bytes,
      signoffBytes: signoff.buffer,
      meta: {
        fileName,
        version: v.version,
        status: v.draft.status,
        markedDraft,
        report,
        signoff: { fileName: signoffFile, marking: signoff.marking },
      },
      audit,
    };
  }

  /** Both files, base64 (the CLI and other callers that write them themselves). */
  async exportDocx(
    id: string,
    version: number | undefined,
    languages: DraftLang[] | undefined,
    asOf: string | undefined,
  ): Promise<DraftExport> {
    const { bytes, signoffBytes, meta, audit } = await this.docx(id, version, languages, asOf);
    audit();
    return {
      ...meta,
      base64: bytes.toString('base64'),
      signoff: { ...meta.signoff, base64: signoffBytes.toString('base64') },
    };
  }

  /**
   * Saves both files where the user says, straight from main (the shell's save port): the release first,
   * then its sign-off record (not asked for when the release was not saved).
   */
  async saveDocx(
    id: string,
    version: number | undefined,
    languages: DraftLang[] | undefined,
    asOf: string | undefined,
  ): Promise<DraftSaved> {
    if (!this.saveFile) throw new AppError('unsupported', { id: 'report/saving-word-document-needs' });
    const { bytes, signoffBytes, meta, audit } = await this.docx(id, version, languages, asOf);
    const saved = await this.saveFile.save({ suggestedName: meta.fileName, bytes, mimeType: DOCX_MIME });
    const released = saved.saved || saved.download !== undefined;
    const record = released
      ? await this.saveFile.save({
          suggestedName: meta.signoff.fileName,
          bytes: signoffBytes,
          mimeType: DOCX_MIME,
        })
      : { saved: false, path: null };
    if (released) audit();
    return { ...meta, ...saved, signoff: { ...meta.signoff, ...record } };
  }

  list(threatId?: string): { plans: ReturnType<DraftingRepository['listPlans']>; drafts: DraftSummary[] } {
    const plans = this.repo.listPlans(threatId);
    const drafts = this.repo
      .listDrafts(threatId === undefined ? undefined : plans.map((p) => p.id))
      .map((d) => ({
        id: d.id,
        planId: d.planId,
        template: d.template,
        threatIds: d.threatIds,
        languages: d.languages,
        title: (d.languages[0] && d.title[d.languages[0]]) ?? '',
        version: d.currentVersion,
        status: d.status,
        updatedAt: d.updatedAt,
        updatedBy: d.updatedBy,
        approvedVersion: d.approvedVersion,
      }));
    return { plans, drafts };
  }

  handlers(): DraftingHandlers {
    return {
      'drafting:list': ({ threatId }) => this.list(threatId),
      'drafting:createPlan': ({ threatIds, cluster, asOf }) => this.createPlan(threatIds, cluster, asOf),
      'drafting:getPlan': ({ planId, version }) => this.planRecord(planId, version),
      'drafting:planVersions': ({ planId }) => {
        this.storedPlanVersion(planId);
        return this.repo.planVersions(planId);
      },
      'drafting:savePlan': ({ planId, expectedVersion, plan, note, applyToDraft }) =>
        this.savePlan(planId, expectedVersion, plan, note, applyToDraft),
      'drafting:createDraft': ({ planId, template, languages }) =>
        this.createDraft(planId, template, languages),
      'drafting:getDraft': ({ draftId, version }) => this.draftRecord(draftId, version),
      'drafting:draftVersions': ({ draftId }) => {
        this.storedDraftVersion(draftId);
        return this.repo.draftVersions(draftId);
      },
      'drafting:saveDraft': ({ draftId, expectedVersion, sections, title }) =>
        this.saveDraft(draftId, expectedVersion, sections, title),
      'drafting:check': ({ draftId, version, sections, title }) =>
        this.check(draftId, version, sections, title),
      'drafting:review': ({ draftId, expectedVersion }) => this.signoff(draftId, expectedVersion, 'reviewed'),
      'drafting:approve': ({ draftId, expectedVersion, passphrase }) =>
        this.signoff(draftId, expectedVersion, 'approved', passphrase),
      'drafting:export': ({ draftId, version, languages, asOf }) =>
        this.exportDocx(draftId, version, languages, asOf),
      'drafting:saveDocx': ({ draftId, version, languages, asOf }) =>
        this.saveDocx(draftId, version, languages, asOf),
    };
  }
}

/** SHA-256 of the exported text (title and sections of each language), for the sign-off record. */
export function textFingerprint(draft: Draft, languages: readonly DraftLang[]): string {
  const text = languages.map((l) => ({
    lang: l,
    title: draft.title[l] ?? '',
    sections: (draft.sections[l] ?? []).map((s) => [s.id, s.heading ?? '', s.text]),
  }));
  return createHash('sha256').update(JSON.stringify(text)).digest('hex');
}
