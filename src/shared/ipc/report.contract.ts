import { z } from 'zod';
import type { Marking } from '../domain/drafting';
import type { SavedFile } from '../domain/files';
import { DateString, LIMITS } from '../domain/workspace';
import { returns } from './define';

export const REPORT_LANGS = ['en', 'fr'] as const;

export const ReportRequestSchema = z.strictObject({
  electionId: z.string().min(1).max(LIMITS.id),
  /** One part per language, in this order (default English). */
  languages: z
    .array(z.enum(REPORT_LANGS))
    .min(1, 'name at least one language')
    .max(2)
    .refine((l) => new Set(l).size === l.length, 'names a language twice')
    .default(['en']),
  /** Adds the classified annex (and marks the document with the highest level it cites). */
  classified: z.boolean().default(false),
  /** The day the figures are as of (default today). */
  asOf: DateString.optional(),
});

export interface ReportMade {
  fileName: string;
  /** The marking of the document (UNCLASSIFIED without the annex). */
  marking: Marking;
  /** Threats in the timeline (at engage-privately or above, or decided). */
  timeline: number;
  statements: number;
}

export const reportContract = {
  /** The after-action report of an election, as a Word document, base64 (the CLI writes it itself). */
  'report:export': { request: ReportRequestSchema, response: returns<ReportMade & { base64: string }>() },
  /** The same, saved where the user says (desktop app: a save dialog; browser mode: a download). */
  'report:save': { request: ReportRequestSchema, response: returns<ReportMade & SavedFile>() },
} as const;
