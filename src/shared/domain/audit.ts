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
