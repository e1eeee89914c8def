// Joins every domain's handlers into the one map the dispatcher serves.
// The only place that knows them all; the shell, the CLI and browser mode all use it.
import type { ServiceContext } from './context';
import type { Handlers } from './ipc/dispatcher';
import { appHandlers } from './app/service';
import { electionHandlers } from './elections/service';
import { ThreatService } from './threats/service';
import { workspaceHandlers } from './transfer/service';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...electionHandlers(ctx),
    ...new ThreatService(ctx).handlers(),
    ...workspaceHandlers(ctx),
  };
}
