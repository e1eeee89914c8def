// French that reads as written, not substituted: contractions after "de" and "à", articles before proper
// names that take one ("la République de Varnia"), agreement of a participle with its noun, and a small
// letter after a colon.
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;

/** de + le = du, de + les = des, de + Élections Lakeshore = d’Élections Lakeshore. */
export function deFr(noun: string): string {
  if (/^le /i.test(noun)) return `du ${noun.slice(3)}`;
  if (/^les /i.test(noun)) return `des ${noun.slice(4)}`;
  if (/^(la |l['’])/i.test(noun)) return `de ${noun}`;
  return VOWEL_START.test(noun) ? `d’${noun}` : `de ${noun}`;
}

export function aFr(noun: string): string {
  if (/^le /i.test(noun)) return `au ${noun.slice(3)}`;
  if (/^les /i.test(noun)) return `aux ${noun.slice(4)}`;
  return `à ${noun}`;
}

/** Head nouns of names that take an article in a French sentence, by gender. */
const FEMININE_HEADS = new Set(
  (
    'république fédération principauté confédération union monarchie agence direction ' +
    'unité division brigade société compagnie association coalition alliance commission ' +
    'organisation armée garde police cellule équipe entreprise fondation chambre assemblée'
  ).split(' '),
);
const MASCULINE_HEADS = new Set(
  (
    'royaume état émirat sultanat gouvernement ministère service bureau centre groupe ' +
    'réseau front parti mouvement comité conseil collectif consortium institut office ' +
    'département commandement régiment régime site compte média journal'
  ).split(' '),
);
const PLURAL_HEADS = new Set('états émirats pays-bas services groupes réseaux'.split(' '));

/**
 * A French name as used in a sentence: "République de Varnia" → "la République de Varnia", "Front Héron gris"
 * → "le Front Héron gris"; a name without a known head noun ("Northern Lights Media Group", "@compte") is kept
 * as it is, and so is a name that already has its article.
 */
export function withArticleFr(name: string): string {
  const trimmed = name.trim();
  if (/^(le|la|les)\s|^l['’]/i.test(trimmed)) return trimmed;
  const head = /^[\p{L}-]+/u.exec(trimmed)?.[0]?.toLowerCase() ?? '';
  if (PLURAL_HEADS.has(head)) return `les ${trimmed}`;
  const elided = VOWEL_START.test(head);
  if (FEMININE_HEADS.has(head)) return elided ? `l’${trimmed}` : `la ${trimmed}`;
  if (MASCULINE_HEADS.has(head)) return elided ? `l’${trimmed}` : `le ${trimmed}`;
  return trimmed;
}

/** An English name as used in a sentence: "Republic of Varnia" → "the Republic of Varnia", "A group" → "a group". */
export function withArticleEn(name: string): string {
  const trimmed = name.trim();
  if (/^the\s/i.test(trimmed)) return trimmed;
  // "A Ward 4 neighbourhood association" is a description: inside a sentence its article is lower case.
  if (/^An?\s/.test(trimmed)) return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return /^(Republic|Kingdom|Federation|Union|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate|Islamic Republic|People's Republic|People’s Republic|Democratic Republic|United|State of|Ministry|Department|Directorate|Office|Agency|Bureau|Government)\b/.test(
    trimmed,
  )
    ? `the ${trimmed}`
    : trimmed;
}

/** A name as a list entry or a label, without its article: "la République de Varnia" → "République de Varnia". */
export function withoutArticleFr(name: string): string {
  return name.trim().replace(/^(le|la|les)\s+|^l['’]/i, '');
}

export type Agreement = 'ms' | 'fs' | 'mp' | 'fp';

/** "observé" agreed with its noun: observé, observée, observés, observées. */
export function agree(participle: string, agreement: Agreement): string {
  switch (agreement) {
    case 'ms':
      return participle;
    case 'fs':
      return `${participle}e`;
    case 'mp':
      return `${participle}s`;
    case 'fp':
      return `${participle}es`;
  }
}

/** Words that start a sentence but take a small letter after a colon; anything else may be a proper noun. */
const COMMON_STARTS = new Set(
  (
    'le la les l un une des du de d ce cet cette ces c il elle ils elles on nous vous ' +
    'tous toutes tout chaque aucun aucune seuls seules personne votre vos notre nos leur ' +
    'leurs son sa ses si en au aux à dans depuis pour par sur avec sans mais et ou quand ' +
    'comme dès avant après immédiatement plusieurs certains certaines environ toute seul seule ni ne ' +
    'lors selon ici cela ceci ça y même autre autres quelques quelque nul nulle lorsque puisque parce ' +
    'pendant entre chacun chacune rien jamais aujourd hier demain dont où qui que qu je j tu me te se ' +
    'lui eux mon ma mes ton ta tes sous vers chez contre malgré sauf grâce afin ainsi alors aussi ' +
    'cependant pourtant donc enfin puis ensuite toujours souvent parfois oui non là plus moins'
  ).split(' '),
);

/** In French, a sentence after a colon starts with a small letter, unless it starts with a proper noun. */
export function afterColonFr(sentence: string): string {
  const first = /^[\p{L}]+/u.exec(sentence)?.[0] ?? '';
  return COMMON_STARTS.has(first.toLowerCase()) && (first.length === 1 || first !== first.toUpperCase())
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : sentence;
}
