// The audit log as the services and the UI see it.

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
