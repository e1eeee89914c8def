// "Should we speak?" handlers: assess a threat or a cluster, keep assessments and decisions (audited),
// suggest clusters, and the policy (get, versions, save, preview). Each threat's level and score is kept
// in step with the policy in force by the LevelKeeper (./levels), which services.ts wires to the changes.
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { AppError, staleWrite } from '../../shared/errors';
import type { AssessmentResult } from '../../shared/domain/assessment';
import type {
  AssessmentRecord,
  ClusterSuggestionView,
  Decision,
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
import type { policyContract } from '../../shared/ipc/policy.contract';
import type { ServiceContext } from '../context';
import type { ElectionRepository } from '../elections/repository';
import { withoutNotes } from '../threats/columns';
import type { ThreatStore } from '../threats/store';
import { DEFAULT_POLICY } from './default-policy';
import { assessCluster, assessThreat } from './engine';
import { suggestFromColumns } from './suggest-clusters';
import type { LevelKeeper } from './levels';
import {
  listPolicyVersions,
  policyAtVersion,
  policyInvalid,
  savePolicy,
  type PolicyInForce,
} from './policy-store';
import { AssessmentRepository } from './repository';
import { decisionContent } from '../signed/decision';

export class AssessmentService {
  readonly assessments: AssessmentRepository;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly threats: ThreatStore,
    private readonly elections: ElectionRepository,
    private readonly policies: PolicyInForce,
    readonly levels: LevelKeeper,
    /** The acting person's signing key, unsealed with the passphrase they just typed (a fresh signature). */
    private readonly freshSigner: (passphrase: string) => Promise<KeyObject>,
  ) {
    this.assessments = new AssessmentRepository(ctx.db);
  }

  /** The policy in force. */
  policy(): Policy {
    return this.policies.get();
  }

  private now(): string {
    return this.ctx.clock().toISOString();
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
      if (!found) throw new AppError('not-found', { id: 'assessment/there-no-threat-with', params: { id } });
      if (found.meta.deletedAt)
        throw new AppError('conflict', { id: 'assessment/threat-deleted-undo-delete', params: { id } });
      // The engine reads the public document only; classified notes never enter a result.
      threats.push(withoutNotes(found.threat));
      versions[id] = found.meta.version;
    }
    const electionIds = [...new Set(threats.map((t) => t.electionId))];
    if (electionIds.length > 1) {
      throw new AppError('invalid-request', {
        id: 'assessment/cluster-assessed-within-one',
        params: { electionIds: electionIds.join(', ') },
      });
    }
    const [electionId = ''] = electionIds;
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
      throw new AppError('invalid-request', { id: 'assessment/assess-one-threat-at' });
    const { threats, versions, election, electionId } = this.load(threatIds);
    const policy = this.policy();
    const at = asOf ?? this.now();
    const [first] = threats;
    const result =
      cluster || !first
        ? assessCluster(threats, election, policy, { asOf: at, versions })
        : assessThreat(first, election, policy, { asOf: at, version: versions[first.id] ?? 1 });
    return { result, electionId };
  }

  /** Keeps the assessment (and, with `decision`, the decision on it) in one transaction, audited. */
  async save(
    threatIds: readonly string[],
    cluster: boolean,
    asOf: string | undefined,
    decision: DecisionFields | undefined,
  ): Promise<StoredAssessment> {
    this.ctx.require('assessment.save');
    const decided = decision ? await this.prepareDecision(decision) : null;
    return this.ctx.db.transaction(() => {
      const { result, electionId } = this.assess(threatIds, cluster, asOf);
      const who = this.ctx.actor();
      const at = this.now();
      const id = this.assessments.insert({
        result,
        electionId,
        createdBy: who?.name ?? null,
        createdRole: who?.role ?? null,
        createdAt: at,
      });
      this.ctx.record('assessment.saved', `assessment:${id}`, {
        threatIds: result.threatIds,
        cluster: result.cluster,
        level: result.level,
        score: result.score,
        policyVersion: result.policyVersion,
        threatVersions: result.threatVersions,
        asOf: result.asOf,
      });
      if (decided) this.recordDecision(id, decided.fields, decided.signer);
      return this.stored(id);
    })();
  }

  /** Validates a decision and gets its signing key: a decision to speak publicly takes the decider's
   *  passphrase again (a fresh signature), even when they are signed in. */
  private async prepareDecision(
    input: DecisionFields,
  ): Promise<{ fields: z.output<typeof DecisionSchema>; signer: KeyObject | undefined }> {
    this.ctx.require('decision.record');
    const parsed = DecisionSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({
        ...problemOfIssue(i),
        where: i.path.join('.') || 'decision',
      }));
      throw new AppError(
        'invalid-request',
        {
          id: 'assessment/decision-not-recorded',
          params: { value: problems.map((p) => p.message).join('; ') },
        },
        problems,
      );
    }
    const d = parsed.data;
    if (d.level === 'speak-publicly' && !d.passphrase)
      throw new AppError('invalid-request', { id: 'assessment/deciding-speak-publicly-takes' }, [
        { where: 'passphrase', message: 'Type your passphrase to sign this decision' },
      ]);
    const signer = d.passphrase ? await this.freshSigner(d.passphrase) : undefined;
    return { fields: d, signer };
  }

  async decide(assessmentId: number, input: DecisionFields): Promise<Decision> {
    const { fields, signer } = await this.prepareDecision(input);
    return this.ctx.db.transaction(() => this.recordDecision(assessmentId, fields, signer))();
  }

  /** Records a decision, signed (call inside a transaction). */
  private recordDecision(
    assessmentId: number,
    d: z.output<typeof DecisionSchema>,
    signer: KeyObject | undefined,
  ): Decision {
    const acting = this.ctx.require('decision.record');
    const stored = this.stored(assessmentId);
    if (stored.level !== d.recommendedLevel) {
      throw new AppError('conflict', {
        id: 'assessment/assessment-recommends-not-reopen',
        params: { level: stored.level, recommendedLevel: d.recommendedLevel },
      });
    }
    const decidedAt = this.now();
    const facts = {
      recommendedLevel: stored.level,
      level: d.level,
      rationale: d.rationale,
      accountId: acting.accountId,
      decidedAt,
    };
    const signed = this.ctx.sign(decisionContent(facts, stored), signer);
    const decision = this.assessments.insertDecision({
      assessmentId,
      ...facts,
      decidedBy: acting.name,
      role: acting.role ?? 'approver',
      contentHash: signed.contentHash,
      signature: signed.signature,
    });
    this.ctx.record('decision.recorded', `assessment:${assessmentId}`, {
      decision: decision.id,
      threatIds: stored.threatIds,
      recommended: stored.level,
      decided: d.level,
      followsRecommendation: d.level === stored.level,
      rationale: d.rationale,
      policyVersion: stored.policyVersion,
      threatVersions: stored.threatVersions,
      contentHash: signed.contentHash,
      signature: signed.signature,
      freshSignature: signer !== undefined,
    });
    this.ctx.events.emit('decisionRecorded', { threatIds: stored.threatIds, assessmentId });
    return decision;
  }

  private stored(id: number): StoredAssessment {
    const stored = this.assessments.get(id);
    if (!stored)
      throw new AppError('not-found', { id: 'assessment/there-no-stored-assessment', params: { id } });
    return stored;
  }

  record(id: number): AssessmentRecord {
    const stored = this.stored(id);
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
      throw new AppError('not-found', { id: 'assessment/there-no-election-with', params: { electionId } });
    const { rowids, columns } = this.threats.clusterColumns(electionId);
    const suggestions = suggestFromColumns(columns, { windowDays, minSize, limit });
    // Ids and titles are read only for the threats suggested.
    const named = this.threats.idsAndTitles([
      ...new Set(suggestions.flatMap((s) => s.members.map((i) => rowids[i] ?? 0))),
    ]);
    return suggestions.map((s) => {
      const members = s.members.flatMap((i) => named.get(rowids[i] ?? 0) ?? []);
      return {
        threatIds: members.map((t) => t.id),
        reasons: s.reasons,
        score: s.score,
        titles: Object.fromEntries(members.map((t) => [t.id, t.title])),
        titlesFr: Object.fromEntries(members.flatMap((t) => (t.titleFr ? [[t.id, t.titleFr]] : []))),
      };
    });
  }

  /** Saves the policy as the next version and brings every threat's level in step with it, in one
   *  transaction. */
  /** Saves the policy as its next version; `expectedVersion`, the version the person edited, refuses a
   *  save over someone else's newer one. */
  savePolicy(input: unknown, note?: string, expectedVersion?: number): Policy {
    this.ctx.require('policy.change');
    return this.ctx.db.transaction(() => {
      const previous = this.policy();
      if (expectedVersion !== undefined && previous.version !== expectedVersion) {
        const latest = listPolicyVersions(this.ctx.db)[0];
        throw staleWrite({
          kind: 'policy',
          id: 'policy',
          changedBy: latest?.savedBy ?? null,
          changedAt: latest?.savedAt ?? null,
          theirs: { version: previous.version, record: previous },
          yours: { version: expectedVersion, record: input },
        });
      }
      const saved = savePolicy(this.ctx, input, note);
      this.levels.policyChanged(previous, saved);
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
    if (!parsed.ok) throw policyInvalid('assessment/edited-policy-invalid', parsed);
    return this.levels.preview(parsed.policy, limit);
  }

  handlers(): HandlersOf<typeof assessmentContract> {
    return {
      'assessment:assess': ({ threatId, asOf }) => this.assess([threatId], false, asOf).result,
      'assessment:assessCluster': ({ threatIds, asOf }) => this.assess(threatIds, true, asOf).result,
      'assessment:save': ({ threatIds, cluster, asOf, decision }) =>
        this.save(threatIds, cluster ?? threatIds.length > 1, asOf, decision),
      'assessment:history': ({ threatId }) => {
        if (!this.threats.exists(threatId))
          throw new AppError('not-found', {
            id: 'assessment/no-threat-with-threat-id',
            params: { threatId },
          });
        return this.assessments.listForThreat(threatId);
      },
      'assessment:recent': ({ limit }) => this.assessments.recent(limit),
      'assessment:get': ({ id }) => this.record(id),
      'assessment:decide': ({ assessmentId, ...decision }) => this.decide(assessmentId, decision),
      'assessment:suggestClusters': ({ electionId, windowDays, minSize, limit }) =>
        this.suggest(electionId, windowDays, minSize, limit),
    };
  }

  policyHandlers(): HandlersOf<typeof policyContract> {
    return {
      'policy:get': ({ version }) => {
        if (version === undefined) return this.policy();
        const p = policyAtVersion(this.ctx.db, version);
        if (!p)
          throw new AppError('not-found', { id: 'assessment/there-no-policy-version', params: { version } });
        return p;
      },
      'policy:versions': () => this.versions(),
      'policy:save': ({ policy, note, expectedVersion }) => this.savePolicy(policy, note, expectedVersion),
      'policy:preview': ({ policy, limit }) => this.preview(policy, limit),
    };
  }
}
