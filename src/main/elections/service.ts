// The elections' handlers.
import { AppError } from '../../shared/errors';
import { calendarProblems } from '../../shared/domain/election-calendar';
import type { HandlersOf } from '../../shared/ipc/define';
import type { electionsContract } from '../../shared/ipc/elections.contract';
import type { ServiceContext } from '../context';
import type { ElectionRepository } from './repository';

/** What the elections need to know of the threat log (given by services.ts, so that the elections do
 *  not depend on the log, which depends on them). */
export interface ElectionThreats {
  /** How many live threats are recorded under an election. */
  count(electionId: string): number;
}

export function electionHandlers(
  ctx: ServiceContext,
  repo: ElectionRepository,
  threats: ElectionThreats,
): HandlersOf<typeof electionsContract> {
  return {
    'elections:list': () => repo.list(),
    'elections:save': ({ election }) => {
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
        const outcome = repo.upsert(election, ctx.clock().toISOString());
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
        repo.softDelete(id, ctx.clock().toISOString());
        ctx.record('election.deleted', `election:${id}`, {});
        return { id };
      })(),
  };
}
