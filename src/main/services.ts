// Joins every domain's handlers into the one map the dispatcher serves.
// The only place that knows them all; the shell, the CLI and browser mode all use it.
import type { ServiceContext } from './context';
import type { Handlers } from './ipc/dispatcher';
import { appHandlers } from './app/service';
import { AssessmentService } from './assessment/service';
import { backupHandlers } from './backups/service';
import { dashboardHandlers } from './dashboard/service';
import { DraftingService } from './drafting/service';
import { electionHandlers } from './elections/service';
import { OrganisationService } from './organisation/service';
import { partnerHandlers } from './partners/service';
import { stixHandlers } from './stix/service';
import { ThreatService } from './threats/service';
import { workspaceHandlers } from './transfer/service';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...new AssessmentService(ctx).handlers(),
    ...backupHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...new DraftingService(ctx).handlers(),
    ...electionHandlers(ctx),
    ...new OrganisationService(ctx).handlers(),
    ...partnerHandlers(ctx),
    ...stixHandlers(ctx),
    ...new ThreatService(ctx).handlers(),
    ...workspaceHandlers(ctx),
  };
}
