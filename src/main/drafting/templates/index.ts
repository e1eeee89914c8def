// Drafts from templates: one template per file, run for each language, then made safe as a whole. For text
// that leaves the organisation, a last pass removes any passage overlapping a classified note from every
// section (template sentences included), so that no public text can carry classified content.
import type { Draft, DraftLang, DraftSection, Marking, TemplateId } from '../../../shared/domain/drafting';
import { isExternalTemplate } from '../../../shared/domain/drafting';
import { frenchTypography } from '../text/french-typography';
import { englishSpelling, frenchSpelling } from '../text/spelling';
import { briefingNote } from './briefing-note';
import { makeTemplateContext, type TemplateContext, type TemplateInput } from './context';
import { mediaLines } from './media-lines';
import { partnerNotification } from './partner-notification';
import { publicStatement } from './public-statement';
import { socialPost } from './social-post';

type Template = (
  ctx: TemplateContext,
  lang: DraftLang,
) => { title: string; sections: DraftSection[]; classification?: Marking };

export const TEMPLATES: Record<TemplateId, Template> = {
  'public-statement': publicStatement,
  'social-post': socialPost,
  'media-lines': mediaLines,
  'partner-notification': partnerNotification,
  'briefing-note': briefingNote,
};

export type { TemplateInput } from './context';

export function renderDraft(template: TemplateId, input: TemplateInput): Draft {
  if (input.threats.length === 0) throw new Error('A draft needs at least one threat.');
  const ctx = makeTemplateContext(template, input);
  const languages = input.languages ?? input.plan.where.languages;
  // One spelling and one typography per language; quoted classified notes stay exactly as written (they
  // may be in another language), and so does anything in quotation marks.
  const finish = (text: string, lang: DraftLang, kind?: DraftSection['kind']) => {
    const safe = ctx.safe(text, lang);
    if (kind === 'classified') return safe;
    return lang === 'fr'
      ? frenchSpelling(frenchTypography(safe, ctx.varieties.fr), ctx.varieties.fr)
      : englishSpelling(safe, ctx.varieties.en);
  };
  const title: Draft['title'] = {};
  const sections: Draft['sections'] = {};
  let classification: Marking = 'UNCLASSIFIED';
  for (const lang of languages) {
    const out = TEMPLATES[template](ctx, lang);
    title[lang] = finish(out.title, lang);
    sections[lang] = out.sections.map((s) => ({
      ...s,
      text: finish(s.text, lang, s.kind),
      ...(s.heading !== undefined ? { heading: finish(s.heading, lang) } : {}),
    }));
    if (out.classification && !isExternalTemplate(template)) classification = out.classification;
  }
  return {
    id: input.draftId ?? `${template}-${input.threats.map((t) => t.id).join('+')}`,
    template,
    threatIds: input.threats.map((t) => t.id),
    languages,
    title,
    sections,
    classification,
    releasable: isExternalTemplate(template),
    status: 'draft',
    createdAt: input.createdAt ?? input.plan.asOf,
  };
}
