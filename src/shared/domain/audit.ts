export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string | null;
  role: string | null;
  action: string;
  subject: string | null;
  details: unknown;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntryView[];
}

export interface AuditVerificationResult {
  ok: boolean;
  entries: number;
  problems: { seq: number | null; message: string }[];
}
