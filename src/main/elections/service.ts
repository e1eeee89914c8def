// The elections' handlers. A save is optimistic, as every record's is: it carries the version the person
// opened, and a stale one is refused with who changed the election since and both versions.
import { AppError } from '../../shared/errors';
import { calendarProblems } from '../../shared/domain/election-calendar';
import type { ElectionDetail } from '../../shared/domain/elections';
import type { Election } from '../../shared/domain/workspace';
import type { HandlersOf } from '../../shared/ipc/define';
import type { electionsContract } from '../../shared/ipc/elections.contract';
import type { ServiceContext } from '../context';
import { assertEditable } from '../records';
import type { ElectionRepository } from './repository';

/** What the elections need to know of the threat log (given by services.ts, so that the elections do
 *  not depend on the log, which depends on them). */
export interface ElectionThreats {
  /** How many live threats are recorded under an election. */
  count(electionId: string): number;
}

/**
 * Whether `election` may be saved over what is stored (`current`): a new one (no `expectedVersion`) only
 * where no live election has its id; a new version only from the version stored now. Throws otherwise.
 */
export function assertElectionSavable(
  current: ElectionDetail | undefined,
  election: Election,
  expectedVersion: number | undefined,
): void {
  const id = election.id;
  if (expectedVersion === undefined) {
    if (current && !current.meta.deletedAt)
      throw new AppError(
        'conflict',
        { id: 'elections/id-already-in-use', params: { id, name: current.election.name } },
        [{ where: '$.election.id', path: ['election', 'id'], message: 'is already in use' }],
      );
    return;
  }
  if (!current) throw new AppError('not-found', { id: 'elections/there-no-election-with', params: { id } });
  if (current.meta.deletedAt)
    throw new AppError('conflict', { id: 'elections/deleted-while-editing', params: { id } });
  assertEditable('Election', id, { ...current.meta, lastChange: 'saved' }, expectedVersion, {
    theirs: current.election,
    yours: election,
  });
}

export function electionHandlers(
  ctx: ServiceContext,
  repo: ElectionRepository,
  threats: ElectionThreats,
): HandlersOf<typeof electionsContract> {
  return {
    'elections:list': () => repo.list(),
    'elections:get': ({ id }) => {
      const found = repo.detail(id);
      if (!found || found.meta.deletedAt)
        throw new AppError('not-found', { id: 'elections/there-no-election-with', params: { id } });
      return found;
    },
    'elections:save': ({ election, expectedVersion }) => {
      const problems = calendarProblems(election);
      if (problems.length) {
        throw new AppError(
          'invalid-request',
          {
            id: 'elections/election-calendar-out-order',
            params: { value: problems.map((p) => p.message).join('; ') },
          },
          problems,
        );
      }
      return ctx.db.transaction(() => {
        assertElectionSavable(repo.detail(election.id), election, expectedVersion);
        const info = ctx.writeInfo('saved');
        const outcome = repo.upsert(election, info.at, info.by);
        if (outcome !== 'unchanged')
          ctx.record(`election.${outcome}`, `election:${election.id}`, { name: election.name });
        // The calendar drives the timing factor: the election's threats are re-scored with it.
        if (outcome === 'updated') ctx.events.emit('electionChanged', { id: election.id });
        const saved = repo.get(election.id);
        if (!saved) throw new Error(`election ${election.id} was not saved`);
        return saved;
      })();
    },
    'elections:delete': ({ id }) =>
      ctx.db.transaction(() => {
        if (!repo.get(id))
          throw new AppError('not-found', { id: 'elections/there-no-election-with', params: { id } });
        const live = threats.count(id);
        if (live > 0)
          throw new AppError('conflict', { id: 'elections/election-has-threats-delete', params: { live } });
        const info = ctx.writeInfo('deleted');
        repo.softDelete(id, info.at, info.by);
        ctx.record('election.deleted', `election:${id}`, {});
        return { id };
      })(),
  };
}
