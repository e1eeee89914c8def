// "Should we speak?" handlers: assess a threat or a cluster, keep assessments and decisions (audited),
// suggest clusters, and the policy (get, versions, save, preview). Keeps each threat's level and score
// in step with the policy in force: on every threat change (inside its transaction), on every policy
// change, and at start (threats never assessed, a new day, or elections changed since the last run).
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type {
  AssessmentRecord,
  ClusterSuggestionView,
  DecisionFields,
  PolicyVersionInfo,
  StoredAssessment,
} from '../../shared/domain/decision';
import { DecisionSchema } from '../../shared/domain/decision';
import { parsePolicy, type Policy } from '../../shared/domain/policy';
import { problemOfIssue } from '../../shared/domain/problems';
import type { Election, Threat } from '../../shared/domain/workspace';
import type { HandlersOf } from '../../shared/ipc/define';
import type { assessmentContract } from '../../shared/ipc/assessment.contract';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { cached } from '../db/statements';
import { ElectionRepository } from '../elections/repository';
import { ThreatRepository } from '../threats/repository';
import { DEFAULT_POLICY } from './default-policy';
import { assessCluster, assessThreat, suggestClusters } from './engine';
import { LevelKeeper, levelOf, thresholdBand } from './levels';
import { currentPolicy, listPolicyVersions, policyAtVersion, savePolicy } from './policy-store';
import { AssessmentRepository } from './repository';

type AssessmentHandlers = HandlersOf<typeof assessmentContract>;

const LEVELS_KEY = 'assessment.levels';
const LevelsStampSchema = z.object({ policyVersion: z.number(), day: z.string(), elections: z.string() });
type LevelsStamp = z.infer<typeof LevelsStampSchema>;

export class AssessmentService {
  readonly assessments: AssessmentRepository;
  readonly levels: LevelKeeper;
  private readonly threats: ThreatRepository;
  private readonly elections: ElectionRepository;
  private policyCache: Policy | null = null;
  private policyCacheVersion = -1;

  constructor(private readonly ctx: ServiceContext) {
    this.assessments = new AssessmentRepository(ctx.db);
    this.levels = new LevelKeeper(ctx.db);
    this.threats = new ThreatRepository(ctx.db);
    this.elections = new ElectionRepository(ctx.db);
    ctx.threatsChanged.push((ids) => {
      this.levels.recompute(ids, this.policy(), this.now());
    });
    // Writers that can score as they write (create, edit, import) do so with this, once per batch.
    ctx.levels = {
      scorer: () => {
        const elections = this.levels.elections();
        const policy = this.policy();
        const asOf = this.now();
        return (threat) => levelOf(threat, elections.get(threat.electionId), policy, asOf);
      },
    };
    this.ensureLevels();
  }

  /** The policy in force, parsed once per saved version (so that it is compiled once too). */
  policy(): Policy {
    const latest =
      (cached(this.ctx.db, 'SELECT max(version) AS v FROM policies').get() as { v: number | null }).v ??
      DEFAULT_POLICY.version;
    if (!this.policyCache || this.policyCacheVersion !== latest) {
      this.policyCache = currentPolicy(this.ctx.db);
      this.policyCacheVersion = latest;
    }
    return this.policyCache;
  }

  private now(): string {
    return this.ctx.clock().toISOString();
  }

  /**
   * Levels are "as of now": at start, recompute them all when the policy, the day or any election changed
   * since the last run, else fill in the threats never assessed (e.g. recorded before this feature).
   */
  ensureLevels(): void {
    const now = this.now();
    const policy = this.policy();
    const stamp: LevelsStamp = {
      policyVersion: policy.version,
      day: now.slice(0, 10),
      elections: this.electionsFingerprint(),
    };
    const previous = this.ctx.settings.get(LEVELS_KEY, LevelsStampSchema);
    const stale =
      !previous ||
      previous.policyVersion !== stamp.policyVersion ||
      previous.day !== stamp.day ||
      previous.elections !== stamp.elections;
    if (!stale && this.levels.missing() === 0) return;
    this.ctx.db.transaction(() => {
      this.levels.recomputeAll(policy, now, { onlyMissing: !stale });
      this.ctx.settings.set(LEVELS_KEY, stamp);
    })();
  }

  /** Recomputes every live threat's level under the policy in force (one transaction). */
  recomputeAll(): number {
    return this.ctx.db.transaction(() => this.levels.recomputeAll(this.policy(), this.now()))();
  }

  private electionsFingerprint(): string {
    const rows = cached(
      this.ctx.db,
      'SELECT id, version, deleted_at AS d FROM elections ORDER BY id',
    ).all() as { id: string; version: number; d: string | null }[];
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
  }

  /** The live threats, with their stored versions, all in one election. */
  private load(ids: readonly string[]): {
    threats: Threat[];
    versions: Record<string, number>;
    election: Election | undefined;
    electionId: string;
  } {
    const threats: Threat[] = [];
    const versions: Record<string, number> = {};
    for (const id of ids) {
      const found = this.threats.get(id);
      if (!found) throw new AppError('not-found', `There is no threat with id ${id}.`);
      if (found.meta.deletedAt)
        throw new AppError('conflict', `Threat ${id} is deleted; undo the delete before assessing it.`);
      // The engine reads the public document only; classified notes never enter a result.
      const { classifiedNotes: _notes, ...doc } = found.threat;
      threats.push(doc as Threat);
      versions[id] = found.meta.version;
    }
    const electionIds = [...new Set(threats.map((t) => t.electionId))];
    if (electionIds.length > 1) {
      throw new AppError(
        'invalid-request',
        `A cluster is assessed within one election, but these threats belong to ${electionIds.join(', ')}. Choose threats of one election.`,
      );
    }
    const electionId = electionIds[0]!;
    return {
      threats,
      versions,
      election: this.elections.get(electionId, { includeDeleted: true }),
      electionId,
    };
  }

  assess(
    threatIds: readonly string[],
    cluster: boolean,
    asOf?: string,
  ): { result: AssessmentResult; electionId: string } {
    if (!cluster && threatIds.length !== 1)
      throw new AppError('invalid-request', 'Assess one threat at a time, or assess several as a cluster.');
    const { threats, versions, election, electionId } = this.load(threatIds);
    const policy = this.policy();
    const at = asOf ?? this.now();
    const result = cluster
      ? assessCluster(threats, election, policy, { asOf: at, versions })
      : assessThreat(threats[0]!, election, policy, { asOf: at, version: versions[threats[0]!.id]! });
    return { result, electionId };
  }

  save(
    threatIds: readonly string[],
    cluster: boolean,
    asOf: string | undefined,
    decision: DecisionFields | undefined,
  ): StoredAssessment {
    return this.ctx.db.transaction(() => {
      const { result, electionId } = this.assess(threatIds, cluster, asOf);
      const who = this.ctx.identity();
      const at = this.now();
      const id = this.assessments.insert({
        result,
        electionId,
        createdBy: who?.name ?? null,
        createdRole: who?.role ?? null,
        createdAt: at,
      });
      this.ctx.audit.append({
        action: 'assessment.saved',
        subject: `assessment:${id}`,
        actor: who?.name,
        role: who?.role,
        details: {
          threatIds: result.threatIds,
          cluster: result.cluster,
          level: result.level,
          score: result.score,
          policyVersion: result.policyVersion,
          threatVersions: result.threatVersions,
          asOf: result.asOf,
        },
      });
      if (decision) this.decide(id, decision);
      return this.assessments.get(id)!;
    })();
  }

  decide(assessmentId: number, input: DecisionFields) {
    const parsed = DecisionSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({
        ...problemOfIssue(i),
        where: i.path.join('.') || 'decision',
      }));
      throw new AppError(
        'invalid-request',
        `The decision was not recorded: ${problems.map((p) => p.message).join('; ')}`,
        problems,
      );
    }
    const d = parsed.data;
    return this.ctx.db.transaction(() => {
      const stored = this.assessments.get(assessmentId);
      if (!stored) throw new AppError('not-found', `There is no stored assessment ${assessmentId}.`);
      if (stored.level !== d.recommendedLevel) {
        throw new AppError(
          'conflict',
          `The assessment recommends ${stored.level}, not ${d.recommendedLevel}: reopen it and decide on what it recommends. Nothing was recorded.`,
        );
      }
      const decision = this.assessments.insertDecision({
        assessmentId,
        recommendedLevel: stored.level,
        level: d.level,
        rationale: d.rationale,
        decidedBy: d.decidedBy,
        role: d.role,
        decidedAt: this.now(),
      });
      const who = this.ctx.identity();
      this.ctx.audit.append({
        action: 'decision.recorded',
        subject: `assessment:${assessmentId}`,
        actor: d.decidedBy,
        role: d.role,
        details: {
          decision: decision.id,
          threatIds: stored.threatIds,
          recommended: stored.level,
          decided: d.level,
          followsRecommendation: d.level === stored.level,
          rationale: d.rationale,
          policyVersion: stored.policyVersion,
          ...(who && (who.name !== d.decidedBy || who.role !== d.role)
            ? { recordedBy: who.name, recordedByRole: who.role }
            : {}),
        },
      });
      return decision;
    })();
  }

  record(id: number): AssessmentRecord {
    const stored = this.assessments.get(id);
    if (!stored) throw new AppError('not-found', `There is no stored assessment ${id}.`);
    const threatsThen = stored.threatIds.map((threatId) => {
      const version = stored.threatVersions[threatId] ?? 1;
      const all = this.threats.versions(threatId);
      return {
        threatId,
        version,
        found: all.find((v) => v.version === version) ?? null,
        currentVersion: all[0]?.version ?? null,
      };
    });
    const policy = policyAtVersion(this.ctx.db, stored.policyVersion);
    return { ...stored, threatsThen, policyName: policy?.name ?? null };
  }

  suggest(electionId: string, windowDays: number, minSize: number, limit: number): ClusterSuggestionView[] {
    if (!this.elections.get(electionId))
      throw new AppError('not-found', `There is no election with id ${electionId}.`);
    const threats = this.threats.forClustering(electionId);
    const titles = new Map(threats.map((t) => [t.id, t.title]));
    return suggestClusters(threats, { windowDays, minSize, limit }).map((s) => ({
      ...s,
      titles: Object.fromEntries(s.threatIds.map((id) => [id, titles.get(id) ?? id])),
    }));
  }

  savePolicy(input: unknown, note?: string): Policy {
    return this.ctx.db.transaction(() => {
      const previous = this.policy();
      const saved = savePolicy(this.ctx, input, note);
      this.policyCache = saved;
      this.policyCacheVersion = saved.version;
      const now = this.now();
      const stamp: LevelsStamp = {
        policyVersion: saved.version,
        day: now.slice(0, 10),
        elections: this.electionsFingerprint(),
      };
      // When the stored levels are in step with the previous policy today and only thresholds changed,
      // no score moves: only the threats whose score lies between an old and a new threshold are redone.
      const before = this.ctx.settings.get(LEVELS_KEY, LevelsStampSchema);
      const inStep =
        before?.policyVersion === previous.version &&
        before.day === stamp.day &&
        before.elections === stamp.elections;
      const band = inStep ? thresholdBand(previous, saved) : null;
      this.levels.recomputeAll(saved, now, band ? { scoreBand: band } : {});
      this.ctx.settings.set(LEVELS_KEY, stamp);
      return saved;
    })();
  }

  versions(): PolicyVersionInfo[] {
    const saved = listPolicyVersions(this.ctx.db);
    const current = saved[0]?.version ?? DEFAULT_POLICY.version;
    const list: PolicyVersionInfo[] = saved.map((v) => ({ ...v, current: v.version === current }));
    if (!saved.some((v) => v.version === DEFAULT_POLICY.version)) {
      list.push({
        version: DEFAULT_POLICY.version,
        savedAt: null,
        savedBy: null,
        note: null,
        current: current === DEFAULT_POLICY.version,
      });
    }
    return list;
  }

  preview(input: unknown, limit: number) {
    const parsed = parsePolicy(input);
    if (!parsed.ok) {
      throw new AppError(
        'policy-invalid',
        `The edited policy is not valid: ${parsed.errors.slice(0, 5).join('; ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}.`,
        parsed.errors
          .slice(0, 50)
          .map((e) => ({ where: e.split(':')[0] ?? 'policy', message: e.slice(e.indexOf(':') + 1).trim() })),
      );
    }
    return this.levels.preview(this.policy(), parsed.policy, this.now(), limit);
  }

  handlers(): AssessmentHandlers {
    return {
      'assessment:assess': ({ threatId, asOf }) => this.assess([threatId], false, asOf).result,
      'assessment:assessCluster': ({ threatIds, asOf }) => this.assess(threatIds, true, asOf).result,
      'assessment:save': ({ threatIds, cluster, asOf, decision }) =>
        this.save(threatIds, cluster ?? threatIds.length > 1, asOf, decision),
      'assessment:history': ({ threatId }) => {
        if (!this.threats.exists(threatId))
          throw new AppError('not-found', `There is no threat with id ${threatId}.`);
        return this.assessments.listForThreat(threatId);
      },
      'assessment:recent': ({ limit }) => this.assessments.recent(limit),
      'assessment:get': ({ id }) => this.record(id),
      'assessment:decide': ({ assessmentId, ...decision }) => this.decide(assessmentId, decision),
      'assessment:suggestClusters': ({ electionId, windowDays, minSize, limit }) =>
        this.suggest(electionId, windowDays, minSize, limit),
      'policy:get': ({ version }) => {
        if (version === undefined) return this.policy();
        const p = policyAtVersion(this.ctx.db, version);
        if (!p) throw new AppError('not-found', `There is no policy version ${version}.`);
        return p;
      },
      'policy:versions': () => this.versions(),
      'policy:save': ({ policy, note }) => this.savePolicy(policy, note),
      'policy:preview': ({ policy, limit }) => this.preview(policy, limit),
    };
  }
}
