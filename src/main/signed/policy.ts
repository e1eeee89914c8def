// What a policy change's signature covers: the version saved, the hash of the whole policy document as
// stored, who saved it and when. `audit verify` rebuilds it from the policies table.
import { contentHash } from '../crypto/content-hash';

export function policyContent(p: {
  version: number;
  doc: unknown;
  accountId: string;
  savedAt: string;
}): unknown {
  return {
    kind: 'threshold/policy',
    version: p.version,
    docHash: contentHash(p.doc),
    accountId: p.accountId,
    savedAt: p.savedAt,
  };
}
