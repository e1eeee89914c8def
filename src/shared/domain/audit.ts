// The audit log as the services and the UI see it.
import { z } from 'zod';

/** One entry of the append-only, hash-chained audit log. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  role: string | null;
  action: string;
  subject: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
  /** The account that acted and signed the entry (null for entries from before accounts, and for the
   *  few a system writes with nobody signed in, such as a failed sign-in). */
  accountId: string | null;
  /** Ed25519 signature of `hash` by that account (base64). */
  signature: string | null;
}

/** An entry as the audit screen and the CLI list it (the chain's link to the previous entry left out). */
export type AuditEntryView = Omit<AuditEntry, 'prevHash'>;

export interface AuditPage {
  entries: AuditEntryView[];
}

export interface AuditVerificationResult {
  ok: boolean;
  entries: number;
  /** The first problem found, with the entry it concerns. */
  problems: { seq: number | null; message: string }[];
}

export const CHECKPOINT_FORMAT = 'threshold-audit-checkpoint/1';

/**
 * A signed record of the audit log's head, exported to be kept outside the database (`threshold audit
 * checkpoint --out FILE`): `audit verify --checkpoint FILE` then detects a log cut or rewritten behind it.
 */
export const AuditCheckpointSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  /** The last entry when the checkpoint was made, and its hash. */
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
  /** Who signed it: their account, name and public key (as the log recorded it). */
  accountId: z.string().min(1).max(100),
  name: z.string().max(200),
  publicKey: z.string().min(1).max(100),
  /** Ed25519 signature (base64) of the SHA-256 of the canonical JSON of the fields above but `name`. */
  signature: z.string().min(1).max(200),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;
