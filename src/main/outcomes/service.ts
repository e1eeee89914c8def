// Outcome observations: record what became of a threat after a response, edit with history, soft delete
// and undo. Every write is one transaction with its audit entry (ctx.record, as the acting person, so
// that it is signed once accounts sign entries).
import type { HandlersOf } from '../../shared/ipc/define';
import type { outcomesContract } from '../../shared/ipc/outcomes.contract';
import { AppError } from '../../shared/errors';
import { isPublicTemplate } from '../../shared/domain/drafting';
import type { Outcome, OutcomeDetail, OutcomeFields, ThreatTimeline } from '../../shared/domain/outcomes';
import type { ServiceContext } from '../context';
import { assertEditable, newRecordId, setRecordDeleted, unchanged } from '../records';
import { ThreatStore } from '../threats/store';
import { AssessmentRepository } from '../assessment/repository';
import { DraftingRepository } from '../drafting/repository';
import { PartnerRepository } from '../partners/repository';
import { OutcomeRepository } from './repository';
import { threatTimeline } from './timeline';

export class OutcomeService {
  readonly repo: OutcomeRepository;
  private readonly threats: ThreatStore;

  constructor(private readonly ctx: ServiceContext) {
    this.repo = new OutcomeRepository(ctx.db);
    this.threats = new ThreatStore(ctx.db);
  }

  detail(id: string): OutcomeDetail {
    const found = this.repo.get(id);
    if (!found)
      throw new AppError('not-found', { id: 'outcomes/there-no-outcome-observation', params: { id } });
    return found;
  }

  /** An observation is dated between the threat's first sighting and today: reach cannot be seen later. */
  private checkDate(threatId: string, date: string): void {
    const threat = this.threats.get(threatId);
    if (!threat || threat.meta.deletedAt)
      throw new AppError('not-found', { id: 'outcomes/there-no-live-threat', params: { threatId } });
    const today = this.ctx.clock().toISOString().slice(0, 10);
    if (date > today)
      throw new AppError(
        'invalid-request',
        { id: 'outcomes/observation-date-future-record', params: { date } },
        [{ where: '$.outcome.date', message: 'must not be in the future' }],
      );
    const firstSeen = threat.threat.time.firstSeen.slice(0, 10);
    if (date < firstSeen)
      throw new AppError(
        'invalid-request',
        { id: 'outcomes/observation-date-before-threat', params: { date, firstSeen } },
        [{ where: '$.outcome.date', message: `must not be before ${firstSeen}` }],
      );
  }

  add(threatId: string, fields: OutcomeFields): OutcomeDetail {
    return this.ctx.db.transaction(() => {
      this.checkDate(threatId, fields.date);
      const outcome: Outcome = { id: newRecordId('O', this.ctx.clock()), threatId, ...fields };
      this.repo.insert(outcome, this.ctx.writeInfo('created'));
      this.ctx.record('outcome.recorded', `threat:${threatId}`, {
        outcome: outcome.id,
        date: outcome.date,
        breakout: outcome.reach.breakout,
        trend: outcome.reach.trend,
      });
      return this.detail(outcome.id);
    })();
  }

  update(outcome: Outcome, expectedVersion: number): OutcomeDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(outcome.id);
      if (outcome.threatId !== current.outcome.threatId)
        throw new AppError('invalid-request', { id: 'outcomes/observation-cannot-moved-another' }, [
          { where: '$.outcome.threatId', message: `must stay ${current.outcome.threatId}` },
        ]);
      assertEditable('Outcome observation', outcome.id, current.meta, expectedVersion, {
        theirs: current.outcome,
        yours: outcome,
      });
      if (unchanged(current.outcome, outcome)) return current;
      this.checkDate(outcome.threatId, outcome.date);
      const version = this.repo.update(outcome, this.ctx.writeInfo('edited'));
      this.ctx.record('outcome.edited', `threat:${outcome.threatId}`, { outcome: outcome.id, version });
      return this.detail(outcome.id);
    })();
  }

  setDeleted(id: string, deleted: boolean): OutcomeDetail {
    return setRecordDeleted(this.ctx, deleted, {
      detail: () => this.detail(id),
      write: (info) => this.repo.setDeleted(id, deleted, info),
      done: (change, version, before) =>
        this.ctx.record(`outcome.${change}`, `threat:${before.outcome.threatId}`, { outcome: id, version }),
    });
  }

  list(threatId: string, deleted: boolean): OutcomeDetail[] {
    if (!this.threats.exists(threatId))
      throw new AppError('not-found', { id: 'assessment/no-threat-with-threat-id', params: { threatId } });
    return this.repo.forThreat(threatId, { deleted });
  }

  /** The threat's story: first seen, assessments and decisions, releases, partner contacts that name it,
   *  and outcome observations, with its reach over time. */
  timeline(threatId: string): ThreatTimeline {
    const detail = this.threats.get(threatId);
    if (!detail)
      throw new AppError('not-found', { id: 'assessment/no-threat-with-threat-id', params: { threatId } });
    const { threat } = detail;
    const approvals = new DraftingRepository(this.ctx.db)
      .firstApprovals()
      .filter((r) => r.threatIds.includes(threatId))
      .map((r) => ({
        template: r.draft.template,
        draftId: r.draftId,
        title: r.draft.title[r.draft.languages[0] ?? 'en'] ?? r.draftId,
        approvedAt: r.approvedAt,
      }));
    // The same rule as the dashboard's (approvalsByThreat): a public text is a release; a partner
    // notification is partners notified; a briefing note stays inside and is not shown.
    const releases = approvals.filter((a) => isPublicTemplate(a.template));
    const partnerNotifications = approvals.filter((a) => a.template === 'partner-notification');
    const contacts = new PartnerRepository(this.ctx.db)
      .list()
      .flatMap((p) =>
        (p.partner.contactLog ?? [])
          .filter((c) => c.note?.includes(threatId))
          .map((c) => ({ partner: p.partner.name, date: c.date, by: c.by })),
      );
    return threatTimeline({
      threatId,
      firstSeen: threat.time.firstSeen,
      reach: { breakout: threat.reach.breakout, estimatedAudience: threat.reach.estimatedAudience },
      assessments: new AssessmentRepository(this.ctx.db).listForThreat(threatId),
      releases,
      partnerNotifications,
      contacts,
      outcomes: this.repo.forThreat(threatId).map((d) => d.outcome),
    });
  }

  handlers(): HandlersOf<typeof outcomesContract> {
    return {
      'outcomes:list': ({ threatId, deleted }) => this.list(threatId, deleted ?? false),
      'outcomes:get': ({ id }) => this.detail(id),
      'outcomes:add': ({ threatId, outcome }) => this.add(threatId, outcome),
      'outcomes:update': ({ outcome, expectedVersion }) => this.update(outcome, expectedVersion),
      'outcomes:delete': ({ id }) => this.setDeleted(id, true),
      'outcomes:undelete': ({ id }) => this.setDeleted(id, false),
      'outcomes:timeline': ({ threatId }) => this.timeline(threatId),
      'outcomes:history': ({ id }) => {
        this.detail(id);
        return this.repo.versions(id);
      },
    };
  }
}
