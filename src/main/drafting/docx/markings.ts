// The security and release markings printed in every header and footer. There is no watermark in Word that
// survives every viewer, so the marking is text: the classification, then "DRAFT — NOT FOR RELEASE" until
// the draft is approved; an internal document (the briefing note) is never marked for release. An approved
// text that leaves the organisation carries no marking.
import type { Draft, DraftLang } from '../../../shared/domain/drafting';
import { MARKING_LABELS } from '../templates/labels';

const DRAFT_MARK = { en: 'DRAFT — NOT FOR RELEASE', fr: 'ÉBAUCHE — NE PAS DIFFUSER' };
const INTERNAL_MARK = { en: 'INTERNAL — NOT FOR RELEASE', fr: 'USAGE INTERNE — NE PAS DIFFUSER' };

export function isApproved(draft: Draft): boolean {
  return draft.status === 'approved' && draft.approvals?.approved !== undefined;
}

export function classificationMarking(draft: Draft, lang: DraftLang): string {
  return MARKING_LABELS[draft.classification][lang];
}

/** The release marking, or undefined for an approved text that may be released. */
export function releaseMarking(draft: Draft, lang: DraftLang): string | undefined {
  if (!isApproved(draft)) return DRAFT_MARK[lang];
  if (!draft.releasable) return INTERNAL_MARK[lang];
  return undefined;
}

/**
 * "UNCLASSIFIED — DRAFT — NOT FOR RELEASE" (the full line in headers and footers); empty for an approved
 * text that leaves the organisation, which goes out as the public will read it.
 */
export function markingLine(draft: Draft, lang: DraftLang): string {
  const release = releaseMarking(draft, lang);
  if (release === undefined) return '';
  return [classificationMarking(draft, lang), release].join(' — ');
}
