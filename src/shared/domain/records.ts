// What every versioned, soft-deleted record (threats, partners) tells about its history.

/** The current version of a record: which it is and who changed it last, when and how. */
export interface RecordMeta {
  version: number;
  lastChange: string;
  changedBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One version in a record's history (the current one included). */
export interface RecordVersionInfo {
  version: number;
  change: string;
  changedBy: string | null;
  changedAt: string;
  deletedAt: string | null;
  current: boolean;
}
