// Media lines: key messages (the fact first, what is being done, where to find reliable information, once),
// then the questions journalists are likely to ask, numbered and paired with their answers ("Question 1" /
// "Answer 1"), as a spokesperson would say them. The false claim appears once, in the answer that corrects
// it, after the fact, never in a question (a question would repeat it).
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
  supportingFacts,
  whatHappened,
} from './sentences';
import { DOCUMENT_LABELS } from '../../documents/labels';

const Q = DOCUMENT_LABELS.mediaLinesQuestions satisfies Record<string, LocalizedText>;

const NO_SPECULATION: LocalizedText = {
  en:
    'We will not speculate about who is responsible while the facts are being established. ' +
    'Our priority is that voters have accurate information.',
  fr:
    'Nous ne ferons pas d’hypothèses sur les responsables tant que les faits sont en cours ' +
    'd’établissement. Notre priorité est que les électeurs aient une information exacte.',
};
const INTEGRITY: LocalizedText = {
  en:
    'There are safeguards at every step of voting and counting. If anything threatens ' +
    'a free and fair vote, we will tell the public.',
  fr:
    'Des mesures de protection sont en place à chaque étape du vote et du dépouillement. ' +
    'Si quoi que ce soit menace un vote libre et juste, nous en informerons le public.',
};
const NON_PARTISAN: LocalizedText = {
  en: 'We do not comment on parties or candidates. Our role is to protect the election for every voter.',
  fr:
    'Nous ne commentons pas les partis ni les candidats. Notre rôle est de protéger l’élection ' +
    'pour chaque électeur.',
};
const WHY_NOW: Record<CommunicationPurpose, LocalizedText> = {
  correct: {
    en: 'This false claim could mislead voters. People need the facts before they vote.',
    fr:
      'Cette fausse information pourrait tromper les électeurs. Chacun doit connaître les ' +
      'faits avant de voter.',
  },
  warn: {
    en: 'People could be misled or put at risk. They need to know how to protect themselves.',
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

const LABEL = {
  question: { en: 'Question', fr: 'Question' },
  answer: { en: 'Answer', fr: 'Réponse' },
} satisfies Record<string, LocalizedText>;

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
  let n = 0;
  const qa = (id: string, q: LocalizedText, answer: string, kind: DraftSection['kind'] = 'answer') => {
    if (answer.trim() === '') return;
    n++;
    sections.push(
      { id: `q-${id}`, kind: 'question', heading: `${LABEL.question[lang]} ${n}`, text: q[lang] },
      { id: `a-${id}`, kind, heading: `${LABEL.answer[lang]} ${n}`, text: answer },
    );
  };
  qa('what', Q.what, whatHappened(ctx, lang).join(' '), 'context');
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
  qa('integrity', Q.integrity, INTEGRITY[lang]);
  qa('partisan', Q.partisan, NON_PARTISAN[lang]);
  qa('why', Q.why, WHY_NOW[ctx.plan.purpose][lang]);
  return { title, sections };
}
