// What protects the database: showing its key (the desktop app, in a window of its own).
import { z } from 'zod';
import { Confirmed, returns } from './define';

export const securityContract = {
  /** Shows the database key in a window of the desktop app (never sent to the page). Browser mode: unsupported. */
  'security:showDatabaseKey': {
    request: z.strictObject({ confirm: Confirmed }),
    response: returns<{ shown: boolean }>(),
  },
} as const;
