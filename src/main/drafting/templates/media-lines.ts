// Media lines: three key messages, then the questions journalists are likely to ask, with answers. The false
// claim appears once, in the answer that corrects it, never in a question (a question would repeat it).
import type {
  CommunicationPurpose,
  DraftLang,
  DraftSection,
  LocalizedText,
} from '../../../shared/domain/drafting';
import type { TemplateContext } from './context';
import {
  actionText,
  attributionSentence,
  falseClaims,
  falsehoodParagraph,
  leadFacts,
  protectionText,
  reliableSourcesText,
  whatHappened,
  supportingFacts,
} from './sentences';

const Q = {
  what: { en: 'What is happening?', fr: 'Que se passe-t-il ?' },
  true: { en: 'Is the information circulating true?', fr: 'L’information qui circule est-elle vraie ?' },
  who: { en: 'Who is behind this?', fr: 'Qui est derrière cette activité ?' },
  done: { en: 'What is being done?', fr: 'Que fait-on pour y remédier ?' },
  voters: { en: 'What should voters do?', fr: 'Que doivent faire les électeurs et les électrices ?' },
  integrity: {
    en: 'Does this affect the integrity of the election?',
    fr: 'Cela compromet-il l’intégrité de l’élection ?',
  },
  partisan: {
    en: 'Which party or candidate does this help or hurt?',
    fr: 'À quel parti ou à quel candidat cette activité profite-t-elle ou nuit-elle ?',
  },
  why: { en: 'Why are you speaking now?', fr: 'Pourquoi intervenir maintenant ?' },
} satisfies Record<string, LocalizedText>;

const NO_SPECULATION: LocalizedText = {
  en: 'We will not guess who is behind it. Our priority is that voters have the facts.',
  fr:
    'Nous ne ferons pas de suppositions sur les responsables. Notre priorité : que l’électorat ' +
    'connaisse les faits.',
};
const INTEGRITY: LocalizedText = {
  en:
    'There are safeguards at each step of voting and counting. We will tell the public ' +
    'if anything threatens a free and fair vote.',
  fr:
    'Des mesures de protection sont en place à chaque étape du vote et du dépouillement. ' +
    'Nous informerons le public si quoi que ce soit menace un vote libre et juste.',
};
const NON_PARTISAN: LocalizedText = {
  en:
    'We do not comment on parties or candidates. Our role is to protect the vote, not ' +
    'to take part in the debate.',
  fr:
    'Nous ne commentons pas les partis ni les candidats. Notre rôle est de protéger le ' +
    'vote, non de prendre part au débat.',
};
const WHY_NOW: Record<CommunicationPurpose, LocalizedText> = {
  correct: {
    en: 'This false claim could mislead voters. People need the facts before they vote.',
    fr:
      'Cette fausse information pourrait tromper les électeurs. Chacun doit connaître les ' +
      'faits avant de voter.',
  },
  warn: {
    en: 'People could be fooled or put at risk. They need to know how to protect themselves.',
    fr: 'Des gens pourraient être trompés ou mis en danger. Ils doivent savoir comment se protéger.',
  },
  reassure: {
    en: 'People should be able to trust how the vote is run.',
    fr: 'Chacun doit pouvoir faire confiance au déroulement du vote.',
  },
  inform: {
    en: 'People have a right to know what we do to protect the vote.',
    fr: 'Chacun a le droit de savoir ce que nous faisons pour protéger le vote.',
  },
  notify: {
    en:
      'We are aware of this activity and are working with our partners. We have nothing ' +
      'more to add at this time.',
    fr:
      'Nous sommes au courant de cette activité et nous travaillons avec nos partenaires. ' +
      'Nous n’avons rien à ajouter pour le moment.',
  },
};

export function mediaLines(
  ctx: TemplateContext,
  lang: DraftLang,
): { title: string; sections: DraftSection[] } {
  const fr = lang === 'fr';
  const title = fr ? 'Lignes média' : 'Media lines';
  const facts = leadFacts(ctx, lang);
  const claims = falseClaims(ctx, lang);
  const attribution = attributionSentence(ctx, lang);
  const sections: DraftSection[] = [
    { id: 'key-fact', kind: 'fact', heading: fr ? 'Messages clés' : 'Key messages', text: facts.join(' ') },
    { id: 'key-protection', kind: 'protection', text: protectionText(ctx, lang) },
    { id: 'key-sources', kind: 'reliable-sources', text: reliableSourcesText(ctx, lang) },
  ];
  const qaHeading = fr ? 'Questions et réponses' : 'Questions and answers';
  const qa = (id: string, q: LocalizedText, answer: string, kind: DraftSection['kind'] = 'answer') => {
    const first = !sections.some((s) => s.kind === 'question');
    sections.push(
      { id: `q-${id}`, kind: 'question', ...(first ? { heading: qaHeading } : {}), text: q[lang] },
      { id: `a-${id}`, kind, text: answer },
    );
  };
  qa('what', Q.what, whatHappened(ctx, lang).join(' ') || facts.join(' '), 'context');
  if (claims.length > 0)
    qa(
      'true',
      Q.true,
      [fr ? 'Non.' : 'No.', ...facts, falsehoodParagraph(claims, lang), ...supportingFacts(ctx, lang)].join(
        ' ',
      ),
      'falsehood',
    );
  qa('who', Q.who, attribution ?? NO_SPECULATION[lang]);
  qa('done', Q.done, protectionText(ctx, lang), 'protection');
  qa('voters', Q.voters, actionText(ctx, lang), 'action');
  sections.push({ id: 'a-voters-sources', kind: 'reliable-sources', text: reliableSourcesText(ctx, lang) });
  qa('integrity', Q.integrity, INTEGRITY[lang]);
  qa('partisan', Q.partisan, NON_PARTISAN[lang]);
  qa('why', Q.why, WHY_NOW[ctx.plan.purpose][lang]);
  return { title, sections: sections.filter((s) => s.text.trim() !== '') };
}
