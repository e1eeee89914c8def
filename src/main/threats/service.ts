// The threat log's handlers: create, edit with history, soft delete and undo, restore, list.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Threat } from '../../shared/domain/workspace';
import type { ThreatDetail } from '../../shared/domain/threat-log';
import type { HandlersOf } from '../../shared/ipc/define';
import type { threatsContract } from '../../shared/ipc/threats.contract';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import { ThreatRepository, type WriteInfo } from './repository';
import { stableStringify } from './stable-json';

type ThreatHandlers = Pick<
  HandlersOf<typeof threatsContract>,
  | 'threats:list'
  | 'threats:get'
  | 'threats:create'
  | 'threats:update'
  | 'threats:delete'
  | 'threats:undelete'
  | 'threats:history'
  | 'threats:restoreVersion'
  | 'threats:facets'
>;

export function newThreatId(now: Date): string {
  return `T-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

export class ThreatService {
  readonly repo: ThreatRepository;
  private readonly elections: ElectionRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.repo = new ThreatRepository(ctx.db);
    this.elections = new ElectionRepository(ctx.db);
  }

  detail(id: string): ThreatDetail {
    const found = this.repo.get(id);
    if (!found) throw new AppError('not-found', `There is no threat with id ${id}.`);
    return found;
  }

  writeInfo(change: string): WriteInfo {
    return { change, by: this.ctx.identity()?.name ?? null, at: this.ctx.clock().toISOString() };
  }

  private assertElection(electionId: string): void {
    if (!this.elections.get(electionId)) {
      throw new AppError(
        'invalid-request',
        `There is no election with id ${electionId}; choose one of the elections in the workspace.`,
        [{ where: '$.threat.electionId', message: `no election with id ${electionId}` }],
      );
    }
  }

  private audit(action: string, id: string, details: Record<string, unknown>): void {
    const who = this.ctx.identity();
    this.ctx.audit.append({ action, subject: `threat:${id}`, actor: who?.name, role: who?.role, details });
  }

  private scoreOf(threat: Threat) {
    return this.ctx.levels?.scorer()(threat);
  }

  /** Threats written with their level already need no recomputing by the listeners. */
  private changedUnlessScored(ids: readonly string[]): void {
    if (!this.ctx.levels) this.changed(ids);
  }

  private changed(ids: readonly string[]): void {
    for (const listener of this.ctx.threatsChanged) listener(ids);
  }

  create(input: Omit<Threat, 'id'> & { id?: string | undefined }): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const threat = { ...input, id: input.id ?? newThreatId(this.ctx.clock()) } as Threat;
      if (this.repo.exists(threat.id))
        throw new AppError('conflict', `A threat with id ${threat.id} already exists.`);
      this.assertElection(threat.electionId);
      this.repo.insert(threat, this.writeInfo('created'), this.scoreOf(threat));
      this.audit('threat.created', threat.id, { title: threat.title });
      this.changedUnlessScored([threat.id]);
      return this.detail(threat.id);
    })();
  }

  update(threat: Threat, expectedVersion: number): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(threat.id);
      if (current.meta.deletedAt)
        throw new AppError('conflict', `Threat ${threat.id} is deleted; undo the delete before editing it.`);
      if (current.meta.version !== expectedVersion) {
        throw new AppError(
          'conflict',
          `Threat ${threat.id} was changed (now version ${current.meta.version}) since you opened version ${expectedVersion}. Reopen it to see the changes; your edits were not saved.`,
        );
      }
      if (stableStringify(current.threat) === stableStringify(threat)) return current;
      this.assertElection(threat.electionId);
      const version = this.repo.update(threat.id, threat, this.writeInfo('edited'), this.scoreOf(threat));
      this.audit('threat.edited', threat.id, { version });
      this.changedUnlessScored([threat.id]);
      return this.detail(threat.id);
    })();
  }

  setDeleted(id: string, deleted: boolean): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(id);
      if (Boolean(current.meta.deletedAt) === deleted) return current;
      const version = this.repo.setDeleted(id, deleted, this.writeInfo(deleted ? 'deleted' : 'undeleted'));
      this.audit(deleted ? 'threat.deleted' : 'threat.undeleted', id, { version });
      this.changed([id]);
      return this.detail(id);
    })();
  }

  restoreVersion(id: string, version: number): ThreatDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(id);
      const target = this.repo.versions(id).find((v) => v.version === version);
      if (!target) throw new AppError('not-found', `Threat ${id} has no version ${version}.`);
      if (target.current) return current;
      if (current.meta.deletedAt)
        throw new AppError(
          'conflict',
          `Threat ${id} is deleted; undo the delete before restoring a version.`,
        );
      this.assertElection(target.threat.electionId);
      const newVersion = this.repo.update(
        id,
        target.threat,
        this.writeInfo(`restored version ${version}`),
        this.scoreOf(target.threat),
      );
      this.audit('threat.restored', id, { from: version, version: newVersion });
      this.changedUnlessScored([id]);
      return this.detail(id);
    })();
  }

  handlers(): ThreatHandlers {
    return {
      'threats:list': (q) => this.repo.list(q.filter, q.sort, q.offset, q.limit),
      'threats:get': ({ id }) => this.detail(id),
      'threats:create': ({ threat }) => this.create(threat),
      'threats:update': ({ threat, expectedVersion }) => this.update(threat, expectedVersion),
      'threats:delete': ({ id }) => this.setDeleted(id, true),
      'threats:undelete': ({ id }) => this.setDeleted(id, false),
      'threats:history': ({ id }) => {
        this.detail(id);
        return this.repo.versions(id);
      },
      'threats:restoreVersion': ({ id, version }) => this.restoreVersion(id, version),
      'threats:facets': ({ electionId }) => this.repo.facets(electionId),
    };
  }
}
