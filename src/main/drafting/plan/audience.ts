// Whom the communication is for, from whom the threats targeted. Descriptions are kept apart, as given:
// they are the official's free text and have no translation.
import type { TargetKind } from '../../../shared/domain/enums';
import type { LocalizedText } from '../../../shared/domain/drafting';
import type { Threat } from '../../../shared/domain/workspace';

const AUDIENCE: Record<TargetKind, LocalizedText> = {
  'general-public': { en: 'voters', fr: "l'électorat" },
  community: {
    en: 'the community targeted and its organisations',
    fr: 'la communauté visée et ses organismes',
  },
  'candidate-or-party': {
    en: "candidates, parties and their campaigns (through the parties' security contacts)",
    fr: 'les candidats, les partis et leurs équipes (par les responsables de la sécurité des partis)',
  },
  'election-officials': {
    en: 'election workers and officials',
    fr: 'le personnel et les responsables électoraux',
  },
  media: { en: 'journalists and news organisations', fr: "les journalistes et les médias d'information" },
  infrastructure: {
    en: 'voters and the operators of the systems concerned',
    fr: "l'électorat et les exploitants des systèmes touchés",
  },
};

export function audienceOf(threats: readonly Threat[]): {
  kinds: TargetKind[];
  text: LocalizedText;
  descriptions: string[];
} {
  const kinds = [...new Set(threats.map((t) => t.target.kind))];
  const descriptions = [
    ...new Set(threats.map((t) => (t.target.description ?? '').trim()).filter((d) => d !== '')),
  ];
  const join = (lang: 'en' | 'fr') => {
    const parts = kinds.map((k) => AUDIENCE[k][lang]);
    const last = parts.pop();
    if (last === undefined) return '';
    if (parts.length === 0) return last;
    return `${parts.join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
  };
  return { kinds, text: { en: join('en'), fr: join('fr') }, descriptions };
}
