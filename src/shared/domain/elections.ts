// An election as an editor opens it: the contract document and the version it is at, so that its save
// can say which version it started from (a stale one is refused, naming who changed it since).
import type { Election } from './workspace';

export interface ElectionMeta {
  version: number;
  /** Who made this version (the signed-in account's name); null for versions made before 0120 or by an
   *  import without an account. */
  changedBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ElectionDetail {
  election: Election;
  meta: ElectionMeta;
}
