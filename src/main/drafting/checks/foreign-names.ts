// Names that attribute activity to a foreign state: country names (from the platform's ICU data, in English
// and French), plus demonyms, capitals used as metonyms, state agencies and named state operations for the
// states most often behind interference. Dependent territories are left out (their names are ordinary words:
// "Réunion", "Jersey").
export interface ForeignName {
  phrase: string;
  /** Region code of the country, for excluding the election's own country. */
  country: string;
  /** Generic phrases ("a foreign state") are warnings; names are errors. */
  generic: boolean;
}

const TERRITORIES = new Set(
  (
    'AC AI AQ AS AW AX BL BM BQ BV CC CK CP CW CX DG EA EH EU EZ FK FO GF GG GI GL GP ' +
    'GS GU HK HM IC IM IO JE KY MF MO ' +
    'MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF TK UM UN VG VI WF XA XB XK YT ZZ'
  ).split(' '),
);

const EXTRA: Record<string, readonly string[]> = {
  RU: [
    'Russian',
    'Russians',
    'russe',
    'russes',
    'Kremlin',
    'Moscow',
    'Moscou',
    'GRU',
    'FSB',
    'SVR',
    'Internet Research Agency',
    'Doppelganger',
    'Russian Federation',
    'Fédération de Russie',
  ],
  CN: [
    'Chinese',
    'chinois',
    'chinoise',
    'chinoises',
    'Beijing',
    'Pékin',
    'PRC',
    'RPC',
    'CCP',
    'PCC',
    'Chinese Communist Party',
    'Parti communiste chinois',
    'United Front Work Department',
    'MSS',
    'Spamouflage',
    "People's Republic of China",
    'République populaire de Chine',
  ],
  IR: [
    'Iranian',
    'Iranians',
    'iranien',
    'iranienne',
    'iraniens',
    'iraniennes',
    'Tehran',
    'Téhéran',
    'IRGC',
    'Islamic Revolutionary Guard Corps',
    'Gardiens de la révolution',
  ],
  KP: [
    'North Korean',
    'North Koreans',
    'nord-coréen',
    'nord-coréenne',
    'nord-coréens',
    'Pyongyang',
    'DPRK',
    'RPDC',
  ],
  BY: ['Belarusian', 'biélorusse', 'biélorusses', 'Minsk', 'Ghostwriter'],
  IN: ['Indian government', 'gouvernement indien', 'New Delhi'],
  PK: ['Pakistani', 'pakistanais', 'pakistanaise', 'Islamabad'],
  SA: ['Saudi', 'saoudien', 'saoudienne', 'Riyadh', 'Riyad'],
  TR: ['Turkish', 'turc', 'turque', 'Ankara', 'Turkey', 'Turquie'],
  VE: ['Venezuelan', 'vénézuélien', 'vénézuélienne', 'Caracas'],
  CU: ['Cuban', 'cubain', 'cubaine', 'Havana', 'La Havane'],
  US: [
    'American government',
    'gouvernement américain',
    'United States',
    'U.S. government',
    'Washington',
    'États-Unis',
  ],
  IL: ['Israeli', 'israélien', 'israélienne'],
  AZ: ['Azerbaijani', 'azerbaïdjanais', 'Baku', 'Bakou'],
};

const GENERIC = [
  'foreign state',
  'foreign government',
  'foreign power',
  'foreign country',
  'hostile state',
  'state actor',
  'state-sponsored',
  'État étranger',
  'gouvernement étranger',
  'puissance étrangère',
  'pays étranger',
  'État hostile',
  'acteur étatique',
  'parrainé par un État',
  // Phrases that imply a foreign or state source without naming it.
  'state-linked',
  'state-backed',
  'state actors',
  'foreign-linked',
  'foreign-backed',
  'foreign actor',
  'foreign actors',
  'foreign network',
  'foreign operation',
  'foreign interference',
  'foreign influence',
  'from abroad',
  'lié à l’étranger',
  'liée à l’étranger',
  'liés à l’étranger',
  'lié à un État',
  'liée à un État',
  'liés à un État',
  'soutenu par un État',
  'soutenue par un État',
  'acteur étranger',
  'acteurs étrangers',
  'réseau étranger',
  'opération étrangère',
  'ingérence étrangère',
  'influence étrangère',
  'depuis l’étranger',
];

let cache: ForeignName[] | undefined;

export function foreignNames(): ForeignName[] {
  if (cache) return cache;
  const out: ForeignName[] = [];
  const names = {
    en: new Intl.DisplayNames(['en'], { type: 'region' }),
    fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  };
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i) + String.fromCharCode(A + j);
      if (TERRITORIES.has(code)) continue;
      for (const dn of [names.en, names.fr]) {
        let name: string | undefined;
        try {
          name = dn.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code || /unknown|inconnue/i.test(name)) continue;
        // "Congo - Kinshasa" → "Congo - Kinshasa" and "Congo"; "Myanmar (Burma)" → both names.
        for (const part of [name, ...name.split(/\s+-\s+|\s*[()]\s*/)])
          if (part.trim().length >= 3) out.push({ phrase: part.trim(), country: code, generic: false });
      }
    }
  for (const [country, phrases] of Object.entries(EXTRA))
    for (const phrase of phrases) out.push({ phrase, country, generic: false });
  for (const phrase of GENERIC) out.push({ phrase, country: '', generic: true });
  cache = out;
  return out;
}
