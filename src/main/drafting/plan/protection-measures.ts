// Default sentences saying what is being done to protect the election, per threat type. They are a starting
// point the official edits; each is plain, one idea, and promises nothing the organisation cannot show.
import type { ThreatType } from '../../../shared/domain/enums';
import type { LocalizedList, LocalizedText } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';
import { DOCUMENT_LABELS } from '../../documents/labels';

const WORDS = DOCUMENT_LABELS.protectionMeasures;

/** Also what a social post says for the threats platforms do not handle (see templates/social-post.ts). */
export const PROTECTION_BY_TYPE: Record<ThreatType, LocalizedText> = WORDS.byType;
const ALWAYS: LocalizedText = WORDS.always;
const DEBUNKED: LocalizedText = WORDS.debunked;

export function defaultProtectionMeasures(threats: readonly Threat[]): LocalizedList {
  const types = [...new Set(threats.map((t) => t.type))];
  const sentences = types.map((t) => PROTECTION_BY_TYPE[t]);
  if (threats.some((t) => t.context?.debunkedByPartner === true)) sentences.push(DEBUNKED);
  sentences.push(ALWAYS);
  return { en: sentences.map((s) => s.en), fr: sentences.map((s) => s.fr) };
}
