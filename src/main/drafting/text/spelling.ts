// One spelling per language throughout a text, as the organisation profile chooses: Canadian English
// (organization, behaviour, centre, defence, travelled), American (organization, behavior, center, defense,
// traveled) or British (organisation, behaviour, centre, defence, programme); Canadian or European French
// ("site Web" / "site web"). Quoted text (a claim, a note) keeps its own spelling, and so do names: only
// words in lower case, or capitalised at the start of a sentence, are changed.
import type { EnglishVariety, FrenchVariety } from '../../../shared/domain/organisation';

type Forms = Record<EnglishVariety, string>;

const IZE_STEMS = (
  'organi authori recogni prioriti minimi maximi apologi reali summari categori mobili ' +
  'utili finali characteri centrali speciali standardi neutrali polari normali critici ' +
  'emphasi capitali familiari legali memori optimi scrutini stabili symboli synchroni ' +
  'visuali customi digiti penali jeopardi hospitali civili globali locali harmoni rationali subsidi'
).split(' ');
const IZE_ENDINGS = ['ze', 'zes', 'zed', 'zing', 'zer', 'zers', 'zation', 'zations', 'zational'];
const OUR_STEMS = 'behavi col fav hon lab neighb rum harb endeav hum vig flav sav arm val od parl clam'.split(
  ' ',
);
const OUR_ENDINGS = [
  'our',
  'ours',
  'oured',
  'ouring',
  'ourful',
  'ourable',
  'ourite',
  'ourites',
  'oural',
  'ourhood',
  'ourhoods',
];
const RE_STEMS = 'cent theat met lit fib calib sab spect meag lust somb'.split(' ');
const RE_ENDINGS: [string, string][] = [
  ['re', 'er'],
  ['res', 'ers'],
  ['red', 'ered'],
];
const DOUBLE_L = 'travel cancel label model counsel fuel signal total level channel marshal equal dial'.split(
  ' ',
);
const DOUBLE_L_ENDINGS: [string, string][] = [
  ['lled', 'led'],
  ['lling', 'ling'],
  ['ller', 'ler'],
  ['llers', 'lers'],
];

function families(): Forms[] {
  const out: Forms[] = [];
  for (const stem of IZE_STEMS)
    for (const end of IZE_ENDINGS)
      out.push({ 'en-CA': stem + end, 'en-US': stem + end, 'en-GB': stem + end.replace('z', 's') });
  for (const stem of OUR_STEMS)
    for (const end of OUR_ENDINGS) {
      const uk = stem + end;
      out.push({ 'en-CA': uk, 'en-US': stem + end.replace('our', 'or'), 'en-GB': uk });
    }
  for (const stem of RE_STEMS)
    for (const [uk, us] of RE_ENDINGS)
      out.push({ 'en-CA': stem + uk, 'en-US': stem + us, 'en-GB': stem + uk });
  for (const stem of DOUBLE_L)
    for (const [uk, us] of DOUBLE_L_ENDINGS)
      out.push({
        'en-CA': stem.slice(0, -1) + uk,
        'en-US': stem.slice(0, -1) + us,
        'en-GB': stem.slice(0, -1) + uk,
      });
  const explicit: [string, string, string][] = [
    // Canadian, American, British
    ['defence', 'defense', 'defence'],
    ['defences', 'defenses', 'defences'],
    ['offence', 'offense', 'offence'],
    ['offences', 'offenses', 'offences'],
    ['licence', 'license', 'licence'],
    ['licences', 'licenses', 'licences'],
    ['pretence', 'pretense', 'pretence'],
    ['program', 'program', 'programme'],
    ['programs', 'programs', 'programmes'],
    ['catalogue', 'catalog', 'catalogue'],
    ['catalogues', 'catalogs', 'catalogues'],
    ['analogue', 'analog', 'analogue'],
    ['enrol', 'enroll', 'enrol'],
    ['enrolment', 'enrollment', 'enrolment'],
    ['enrolments', 'enrollments', 'enrolments'],
    ['fulfil', 'fulfill', 'fulfil'],
    ['fulfilment', 'fulfillment', 'fulfilment'],
    ['instalment', 'installment', 'instalment'],
    ['skilful', 'skillful', 'skilful'],
    ['wilful', 'willful', 'wilful'],
    ['grey', 'gray', 'grey'],
    ['ageing', 'aging', 'ageing'],
    ['acknowledgement', 'acknowledgment', 'acknowledgement'],
  ];
  for (const [ca, us, gb] of explicit) out.push({ 'en-CA': ca, 'en-US': us, 'en-GB': gb });
  return out;
}

let byForm: Map<string, Forms> | undefined;
function lookup(word: string): Forms | undefined {
  if (!byForm) {
    byForm = new Map();
    for (const f of families())
      for (const form of Object.values(f)) if (!byForm.has(form)) byForm.set(form, f);
  }
  return byForm.get(word);
}

function sameCase(model: string, word: string): string {
  if (model === model.toUpperCase() && model.length > 1) return word.toUpperCase();
  if (model.charAt(0) !== model.charAt(0).toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Quoted passages (« », “ ”, " ") are someone's words: they keep their spelling. */
const QUOTED = /«[^»]*»|“[^”]*”|"[^"\n]*"/g;

function outsideQuotes(text: string, change: (part: string, before: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    out += change(text.slice(last, m.index), text.slice(0, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  return out + change(text.slice(last), text.slice(0, last));
}

function startsSentence(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed === '' || /[.!?:\n]$/.test(trimmed);
}

/** The text in one English spelling. */
export function englishSpelling(text: string, variety: EnglishVariety): string {
  return outsideQuotes(text, (part, prefix) =>
    part.replace(/\p{L}+/gu, (word, offset: number) => {
      const lower = word.toLowerCase();
      if (word !== lower) {
        const capitalised = word === lower.charAt(0).toUpperCase() + lower.slice(1);
        if (!capitalised || !startsSentence(prefix + part.slice(0, offset))) return word;
      }
      const forms = lookup(lower);
      return forms ? sameCase(word, forms[variety]) : word;
    }),
  );
}

/** Words spelled the way another variety spells them (for tests and reviews). */
export function otherEnglishSpellings(text: string, variety: EnglishVariety): string[] {
  const found: string[] = [];
  outsideQuotes(text, (part) => {
    for (const word of part.match(/\p{L}+/gu) ?? []) {
      const lower = word.toLowerCase();
      if (word !== lower && word !== lower.charAt(0).toUpperCase() + lower.slice(1)) continue;
      const forms = lookup(lower);
      if (forms && forms[variety] !== lower) found.push(word);
    }
    return part;
  });
  return found;
}

/** The text in one French usage: "site Web" (Canada, OQLF) or "site web" (France). */
export function frenchSpelling(text: string, variety: FrenchVariety): string {
  return outsideQuotes(text, (part) =>
    variety === 'fr-FR'
      ? part.replace(/\b(site|sites|adresse|adresses|page|pages) Web\b/g, '$1 web')
      : part.replace(/\b(site|sites|adresse|adresses|page|pages) web\b/g, '$1 Web'),
  );
}
