// Files the page hands to the shell to save where the user says, and files the user chooses to open.
import { z } from 'zod';
import type { FilePiece, OpenedFile, SavedFile } from '../domain/files';
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
  /** Opens a file the user chooses, to be read with files:read (desktop app: an open dialog in the main
   *  process, which needs no click in the page, e.g. for File → Import…). Browser mode answers
   *  'unsupported' and the page uses its own file chooser. */
  'files:open': {
    request: z.strictObject({
      filters: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(100),
            extensions: z
              .array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i))
              .min(1)
              .max(10),
          }),
        )
        .max(10)
        .default([]),
    }),
    response: returns<OpenedFile>(),
  },
  /** The next piece of the opened file's text (strict UTF-8, never a character cut in two), so that
   *  neither process holds a large file whole. */
  'files:read': {
    request: z.strictObject({ fileId: z.string().uuid() }),
    response: returns<FilePiece>(),
  },
  /** Closes an opened file before its end (an import cancelled or refused). */
  'files:close': {
    request: z.strictObject({ fileId: z.string().uuid() }),
    response: returns<{ closed: boolean }>(),
  },
} as const;
