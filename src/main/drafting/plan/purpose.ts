// The purpose of the communication, from the threats, the assessment level and whether there is a false claim.
import type { Level, ThreatType } from '../../../shared/domain/enums';
import type { CommunicationPurpose, LocalizedText } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';

const WARN_TYPES: ReadonlySet<ThreatType> = new Set([
  'impersonation',
  'synthetic-media',
  'hack-and-leak',
  'intimidation',
]);
const REASSURE_TYPES: ReadonlySet<ThreatType> = new Set(['cyber-intrusion', 'denial-of-service']);

export function hasFalseClaim(threats: readonly Threat[]): boolean {
  return threats.some((t) => (t.falseClaim ?? '').trim() !== '');
}

export function communicationPurpose(
  threats: readonly Threat[],
  level: Level,
): { purpose: CommunicationPurpose; reason: LocalizedText } {
  if (level !== 'speak-publicly')
    return {
      purpose: 'notify',
      reason: {
        en: 'The assessment does not call for a public statement: notify partners privately.',
        fr: "L'évaluation ne justifie pas de déclaration publique : aviser les partenaires en privé.",
      },
    };
  if (hasFalseClaim(threats))
    return {
      purpose: 'correct',
      reason: {
        en: 'A false claim is circulating: lead with the fact and correct the claim once.',
        fr:
          "Une fausse affirmation circule : commencer par le fait et corriger l'affirmation " +
          'une seule fois.',
      },
    };
  if (threats.some((t) => WARN_TYPES.has(t.type) || t.purpose === 'intimidate'))
    return {
      purpose: 'warn',
      reason: {
        en: 'People could be deceived or harmed: warn them and say how to protect themselves.',
        fr: 'Des personnes pourraient être trompées ou menacées : les prévenir et leur dire comment se protéger.',
      },
    };
  if (
    threats.some(
      (t) =>
        REASSURE_TYPES.has(t.type) ||
        t.purpose === 'undermine-results' ||
        t.purpose === 'disrupt-administration',
    )
  )
    return {
      purpose: 'reassure',
      reason: {
        en: 'Confidence in how the election is run is targeted: explain the safeguards.',
        fr: "La confiance dans le déroulement de l'élection est visée : expliquer les mesures de protection.",
      },
    };
  return {
    purpose: 'inform',
    reason: {
      en: 'Tell the public what is happening and what is being done.',
      fr: 'Informer le public de ce qui se passe et de ce qui est fait.',
    },
  };
}
