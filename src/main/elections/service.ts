// The elections' handlers.
import { AppError } from '../../shared/errors';
import { calendarProblems } from '../../shared/domain/election-calendar';
import type { HandlersOf } from '../../shared/ipc/define';
import type { threatsContract } from '../../shared/ipc/threats.contract';
import type { ServiceContext } from '../context';
import { ElectionRepository } from './repository';

type ElectionHandlers = Pick<
  HandlersOf<typeof threatsContract>,
  'elections:list' | 'elections:save' | 'elections:delete'
>;

export function electionHandlers(ctx: ServiceContext): ElectionHandlers {
  const repo = new ElectionRepository(ctx.db);
  const audit = (action: string, id: string, details: object) => {
    const who = ctx.identity();
    ctx.audit.append({ action, subject: `election:${id}`, actor: who?.name, role: who?.role, details });
  };
  return {
    'elections:list': () => repo.list(),
    'elections:save': ({ election }) => {
      const problems = calendarProblems(election);
      if (problems.length) {
        throw new AppError(
          'invalid-request',
          `The election calendar is out of order: ${problems.map((p) => p.message).join('; ')}.`,
          problems,
        );
      }
      return ctx.db.transaction(() => {
        const outcome = repo.upsert(election, ctx.clock().toISOString());
        if (outcome !== 'unchanged') audit(`election.${outcome}`, election.id, { name: election.name });
        // The calendar drives the timing factor: the election's threats are re-scored with it.
        if (outcome === 'updated') {
          const ids = ctx.db
            .prepare('SELECT id FROM threats WHERE election_id = ? AND deleted_at IS NULL')
            .pluck()
            .all(election.id) as string[];
          if (ids.length) for (const listener of ctx.threatsChanged) listener(ids);
        }
        return repo.get(election.id)!;
      })();
    },
    'elections:delete': ({ id }) =>
      ctx.db.transaction(() => {
        if (!repo.get(id)) throw new AppError('not-found', `There is no election with id ${id}.`);
        const live = repo.liveThreatCount(id);
        if (live > 0)
          throw new AppError('conflict', `The election has ${live} threats; delete or move them first.`);
        repo.softDelete(id, ctx.clock().toISOString());
        audit('election.deleted', id, {});
        return { id };
      })(),
  };
}
