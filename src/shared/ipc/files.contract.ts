// Files the page hands to the shell to save where the user says.
import { z } from 'zod';
import type { SavedFile } from '../domain/files';
import { returns } from './define';

export const filesContract = {
  /** Saves a file the user names (desktop app: a save dialog). Browser mode answers 'unsupported' and
   *  the page downloads it instead. */
  'files:save': {
    request: z.strictObject({
      suggestedName: z.string().min(1).max(255),
      content: z.string().max(300 * 1024 * 1024),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    }),
    response: returns<SavedFile>(),
  },
} as const;
