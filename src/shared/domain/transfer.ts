// What importing and exporting report back.

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  format: 'json' | 'csv' | 'stix';
  elections: ImportCounts;
  threats: ImportCounts;
  /** Partner directory entries, when the file carried any (workspace `partners` field, sample). */
  partners?: ImportCounts;
  /** Outcome observations (the sample's). */
  outcomes?: ImportCounts;
  /** Things worth knowing that did not stop the import (e.g. a related id not in the log). */
  warnings: string[];
  /** Threats whose first-seen time is later than the time of the import (most often a wrong date). */
  firstSeenInFuture?: { id: string; firstSeen: string }[];
}

/** How far a streamed import has read (answered to every piece of the file). */
export interface ImportProgress {
  /** Bytes of the file read so far (UTF-8). */
  bytes: number;
  elections: number;
  threats: number;
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  content: string;
  threats: number;
}
