// The threat log's handlers: create, edit with history, soft delete and undo, restore, list. Every
// write is one transaction with its audit entry, writes each threat once with its level (the scoring
// port), and announces the change (threatsChanged).
import { AppError } from '../../shared/errors';
import type { Threat } from '../../shared/domain/workspace';
import type { ThreatDetail } from '../../shared/domain/threat-log';
import type { HandlersOf } from '../../shared/ipc/define';
import type { threatsContract } from '../../shared/ipc/threats.contract';
import type { ServiceContext } from '../context';
import type { ElectionRepository } from '../elections/repository';
import { assertEditable, assertRestorable, setRecordDeleted, unchanged } from '../records';
import type { ThreatScoring } from './scoring';
import type { ThreatStore } from './store';
import { nextThreatId } from './ids';
import { statusAfter } from './workflow';

export class ThreatService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly store: ThreatStore,
    private readonly elections: ElectionRepository,
    private readonly scoring: ThreatScoring,
  ) {}

  detail(id: string): ThreatDetail {
    const found = this.store.get(id);
    if (!found) throw new AppError('not-found', { id: 'assessment/there-no-threat-with', params: { id } });
    return found;
  }

  private assertElection(electionId: string): void {
    if (!this.elections.get(electionId)) {
      throw new AppError(
        'invalid-request',
        { id: 'threats/there-no-election-with', params: { electionId } },
        [{ where: '$.threat.electionId', message: `no election with id ${electionId}` }],
      );
    }
  }

  /** Audits a change to one threat and announces it. */
  private changed(action: string, id: string, details: Record<string, unknown>, scored: boolean): void {
    this.ctx.record(action, `threat:${id}`, details);
    this.ctx.events.emit('threatsChanged', { ids: [id], scored });
  }

  create(input: Omit<Threat, 'id'> & { id?: string | undefined }): ThreatDetail {
    return this.ctx.db.transaction(() => {
      // Without an id, the next one in the style of the election's other threats (lk27-035).
      const electionId = String((input as { electionId: unknown }).electionId);
      const id =
        input.id ?? nextThreatId(this.store.idsOf(electionId), electionId, (x) => this.store.exists(x));
      const threat = { ...input, id } as Threat;
      if (this.store.exists(threat.id))
        throw new AppError('conflict', { id: 'threats/threat-with-id-already', params: { id: threat.id } });
      this.assertElection(threat.electionId);
      this.store.insert(threat, this.ctx.writeInfo('created'), this.scoring.scorer()(threat));
      this.changed('threat.created', threat.id, { title: threat.title }, true);
      return this.detail(threat.id);
    })();
  }

  update(threat: Threat, expectedVersion: number): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(threat.id);
      assertEditable('Threat', threat.id, current.meta, expectedVersion, {
        theirs: current.threat,
        yours: threat,
      });
      if (unchanged(current.threat, threat)) return current;
      this.assertElection(threat.electionId);
      const version = this.store.update(
        threat.id,
        threat,
        this.ctx.writeInfo('edited'),
        this.scoring.scorer()(threat),
      );
      this.changed('threat.edited', threat.id, { version }, true);
      return this.detail(threat.id);
    })();
  }

  setDeleted(id: string, deleted: boolean): ThreatDetail {
    return setRecordDeleted(this.ctx, deleted, {
      detail: () => this.detail(id),
      write: (info) => this.store.setDeleted(id, deleted, info),
      // Undeleted threats come back at their level as of now: re-scored by the listener.
      done: (change, version) => this.changed(`threat.${change}`, id, { version }, false),
    });
  }

  restoreVersion(id: string, version: number): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(id);
      const target = this.store.versions(id).find((v) => v.version === version);
      if (!target)
        throw new AppError('not-found', { id: 'threats/threat-has-no-version', params: { id, version } });
      if (target.current) return current;
      assertRestorable('Threat', id, current.meta);
      this.assertElection(target.threat.electionId);
      const newVersion = this.store.update(
        id,
        target.threat,
        this.ctx.writeInfo(`restored version ${version}`),
        this.scoring.scorer()(target.threat),
      );
      this.changed('threat.restored', id, { from: version, version: newVersion }, true);
      return this.detail(id);
    })();
  }

  /**
   * Moves the threats' status forward to where the work has got to (see ./workflow): a new version of
   * each threat that was behind, audited with what moved it. Runs inside the transaction of that work.
   */
  advanceStatus(
    ids: readonly string[],
    reached: 'assessed' | 'responded',
    because: Record<string, unknown>,
  ): void {
    for (const id of ids) {
      const current = this.store.get(id);
      if (!current || current.meta.deletedAt) continue;
      const next = statusAfter(current.threat.status, reached);
      if (!next) continue;
      const threat = { ...current.threat, status: next };
      const version = this.store.update(
        id,
        threat,
        this.ctx.writeInfo(`status: ${next}`),
        this.scoring.scorer()(threat),
      );
      this.changed(
        'threat.status',
        id,
        { from: current.threat.status ?? 'new', to: next, version, ...because },
        true,
      );
    }
  }

  handlers(): HandlersOf<typeof threatsContract> {
    return {
      'threats:list': (q) => this.store.list(q.filter, q.sort, q.offset, q.limit),
      'threats:get': ({ id }) => this.detail(id),
      'threats:create': ({ threat }) => this.create(threat),
      'threats:update': ({ threat, expectedVersion }) => this.update(threat, expectedVersion),
      'threats:delete': ({ id }) => this.setDeleted(id, true),
      'threats:undelete': ({ id }) => this.setDeleted(id, false),
      'threats:history': ({ id }) => {
        this.detail(id);
        return this.store.versions(id);
      },
      'threats:restoreVersion': ({ id, version }) => this.restoreVersion(id, version),
      'threats:facets': ({ electionId }) => this.store.facets(electionId),
    };
  }
}
