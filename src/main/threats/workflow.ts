// A threat's status follows the work done on it: a recorded decision makes it "assessed", an approved
// public text "responded". It only moves forward (a status set by hand further along stays), and people
// can always set it by hand in the form: this only says where the work has got to.
import type { ThreatStatus } from '../../shared/domain/enums';
import { isPublicTemplate, type TemplateId } from '../../shared/domain/drafting';

const ORDER: readonly ThreatStatus[] = ['new', 'monitoring', 'assessed', 'responded', 'closed'];

/** The status after a step of the work, or null when the threat is already there or further along. */
export function statusAfter(
  current: ThreatStatus | undefined,
  reached: 'assessed' | 'responded',
): ThreatStatus | null {
  return ORDER.indexOf(reached) > ORDER.indexOf(current ?? 'new') ? reached : null;
}

/** Only a text the public reads (a statement, a post, media lines) is a response. */
export function isResponse(template: string): boolean {
  return isPublicTemplate(template as TemplateId);
}
