// What a draft's sign-off covers: the exact text of the version signed (its hash over every language's
// title and sections), the draft and version, the step (reviewed or approved), who and when. The service
// signs this; `audit verify` rebuilds it from the stored version, so a text changed after it was approved
// no longer matches the approver's signature.
import type { Draft } from '../../shared/domain/drafting';
import { contentHash } from '../crypto/content-hash';

/** SHA-256 of what a version says: its languages, titles and sections (id, kind, heading, text). */
export function draftTextHash(draft: Pick<Draft, 'languages' | 'title' | 'sections'>): string {
  return contentHash({
    languages: draft.languages,
    title: Object.fromEntries(draft.languages.map((l) => [l, draft.title[l] ?? ''])),
    sections: Object.fromEntries(
      draft.languages.map((l) => [
        l,
        (draft.sections[l] ?? []).map((s) => ({
          id: s.id,
          kind: s.kind,
          heading: s.heading ?? '',
          text: s.text,
        })),
      ]),
    ),
  });
}

export function signoffContent(s: {
  draftId: string;
  version: number;
  step: 'reviewed' | 'approved';
  textHash: string;
  accountId: string;
  at: string;
}): unknown {
  return {
    kind: 'threshold/draft-signoff',
    draftId: s.draftId,
    version: s.version,
    step: s.step,
    textHash: s.textHash,
    accountId: s.accountId,
    at: s.at,
  };
}
