// Loaded or campaigning words that a non-partisan public text should not use, in English and French.
// Matched as whole words, case- and accent-insensitive, in every language of the draft.
export const PARTISAN_WORDS: Record<'en' | 'fr', readonly string[]> = {
  en: [
    'vote for', 'vote against', "don't vote for", 'do not vote for', 'elect', 're-elect', 'support our', 'our candidate',
    'corrupt', 'crooked', 'traitor', 'traitors', 'treason', 'treasonous', 'liar', 'liars', 'lying', 'puppet', 'puppets',
    'radical', 'radicals', 'extremist', 'extremists', 'far-left', 'far-right', 'regime', 'elites', 'sellout', 'sell-out',
    'shameful', 'disgrace', 'disgraceful', 'incompetent', 'scandal', 'scandalous', 'criminals', 'thug', 'thugs',
    'fake news', 'enemy of the people', 'globalist', 'globalists', 'woke', 'un-canadian', 'unpatriotic', 'patriots',
    'socialist', 'communist', 'fascist', 'fascists', 'dictator',
  ],
  fr: [
    'votez pour', 'votez contre', 'voter pour', 'ne votez pas pour', 'élisez', 'réélisez', 'notre candidat', 'notre candidate',
    'véreux', 'véreuse', 'véreuses', 'corrompu', 'corrompue', 'corrompus', 'corrompues', 'traître', 'traîtres', 'traîtresse',
    'trahison', 'menteur', 'menteuse', 'menteurs', 'menteuses', 'marionnette', 'marionnettes', 'extrémiste', 'extrémistes',
    'radicaux', 'régime', 'élites', 'vendu', 'vendus', 'honteux', 'honteuse', 'incompétent', 'incompétente', 'incompétents',
    'scandale', 'scandaleux', 'scandaleuse', 'escroc', 'escrocs', 'crapule', 'crapules', 'magouille', 'magouilles',
    'bandit', 'bandits', 'voyou', 'voyous', 'ennemi du peuple', 'mondialiste', 'mondialistes', 'fasciste', 'fascistes',
    'dictateur', 'antipatriotique',
  ],
};
