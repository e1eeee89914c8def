// The Word document of a draft, as it leaves the organisation: real styles; the organisation's name and logo
// (with its name as alternative text); for a public statement "FOR IMMEDIATE RELEASE", a dateline, "-30-"
// at the end of the text where the organisation wants it, then the media contact; headings with outline levels; the language of every
// paragraph (per section in a bilingual document); markings in the header and footer until it is approved.
// It names no staff but the media contact and carries no internal ids: who drafted, reviewed and approved is
// in the sign-off record, a separate file (./signoff-record.ts). Every string is made XML-safe first, so
// hostile text still gives a valid document.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import type { Draft, DraftLang, DraftSection, TemplateId } from '../../../shared/domain/drafting';
import {
  EMPTY_ORGANISATION_PROFILE,
  LOGO_DATA_URL,
  varietiesOf,
  type OrganisationProfile,
} from '../../../shared/domain/organisation';
import { formatDate } from '../text/dates';
import { deFr, withArticleFr } from '../text/french-grammar';
import { splitPlaceholders } from '../text/placeholders';
import { xmlSafe } from '../text/sanitize';
import { postLength, socialPostText, SOCIAL_POST_LIMIT } from '../templates/social-post';
import { imageSize } from './image-size';
import { markingLine } from './markings';
import { coreXml, appXml, EMPTY_CUSTOM_XML } from './properties';
import { documentStyles } from './styles';

export interface DocxMeta {
  /** The document's date (YYYY-MM-DD): the dateline and the properties. */
  date: string;
  /** Who speaks: the author in the properties, the name and logo at the top, "-30-", spelling tags. */
  organisation?: OrganisationProfile;
  /** Which of the draft's languages to export (default all: a bilingual document when there are two). */
  languages?: DraftLang[];
}

export const TEMPLATE_NAMES: Record<TemplateId, Record<DraftLang, string>> = {
  'public-statement': { en: 'Public statement', fr: 'Déclaration publique' },
  'social-post': { en: 'Social media post', fr: 'Publication pour les médias sociaux' },
  'media-lines': { en: 'Media lines', fr: 'Lignes média' },
  'partner-notification': { en: 'Notification to partners', fr: 'Avis aux partenaires' },
  'briefing-note': { en: 'Briefing note', fr: 'Note d’information' },
};

const PAGE = { en: ['Page ', ' of '], fr: ['Page ', ' sur '] } as const;
const FOR_RELEASE = { en: 'FOR IMMEDIATE RELEASE', fr: 'POUR DIFFUSION IMMÉDIATE' };
const NBSP = '\u00A0';

const MONTH_DAY =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b|\b(\d{1,2}(?:er)?) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/g;

/** A date's day stays on the line of its month ("May\u00A024", "24\u00A0mai"). */
function keepDatesTogether(text: string): string {
  return text.replace(MONTH_DAY, (m) => m.replace(' ', '\u00A0'));
}

/** A phone number's hyphens do not break the line ("1-800-555-0127" stays whole): Word's no-break hyphen. */
function unbroken(text: string): (string | NoBreakHyphen)[] {
  const out: (string | NoBreakHyphen)[] = [];
  let last = 0;
  for (const m of text.matchAll(/(?<![\p{L}\d-])\+?\d{1,4}(?:-\d{2,4}){2,}(?![\p{L}\d-])/gu)) {
    out.push(text.slice(last, m.index));
    m[0].split('-').forEach((group, i) => out.push(...(i === 0 ? [group] : [new NoBreakHyphen(), group])));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((p) => p !== '');
}

/** Text runs of one line, placeholders highlighted so nobody misses them. */
function runs(text: string, tag: string, bold = false): TextRun[] {
  return splitPlaceholders(keepDatesTogether(xmlSafe(text))).flatMap((part) =>
    ordinals(part.text, tag).map(
      (piece) =>
        new TextRun({
          children: unbroken(piece.text),
          language: { value: tag },
          ...(bold ? { bold } : {}),
          ...(piece.superScript ? { superScript: true } : {}),
          ...(part.placeholder ? { style: 'Placeholder' } : {}),
        }),
    ),
  );
}

/** French writes the ending of "1er" and "1re" raised ("1<sup>er</sup> mai"); other text is one piece. */
function ordinals(text: string, tag: string): { text: string; superScript?: boolean }[] {
  if (!tag.startsWith('fr')) return [{ text }];
  return text
    .split(/(?<=\b1)(er|re)(?=[\s\u00A0]|$)/)
    .map((piece, i) => (i % 2 === 1 ? { text: piece, superScript: true } : { text: piece }))
    .filter((p) => p.text !== '');
}

interface ParagraphOptions {
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  style?: string;
  outlineLevel?: number;
}

/**
 * One paragraph per line. The lines of a block other than the last use BlockLine and stay with the next one,
 * so the block reads as one and is never split across pages; `keepAll` keeps the last line with what follows
 * too (the end of the text with "-30-").
 */
function paragraphs(
  text: string,
  tag: string,
  options: ParagraphOptions = {},
  block = false,
  keepAll = false,
): Paragraph[] {
  const lines = xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const inBlock = block && i < lines.length - 1;
    const style = inBlock && !options.heading && !options.style ? { style: 'BlockLine' } : {};
    return new Paragraph({
      ...options,
      ...style,
      ...(inBlock || keepAll ? { keepNext: true, keepLines: true } : {}),
      children: runs(line, tag),
      run: { language: { value: tag } },
    });
  });
}

/** Sections whose lines are items of one block rather than paragraphs of prose. */
const BLOCK_KINDS: ReadonlySet<DraftSection['kind']> = new Set([
  'reliable-sources',
  'media-contact',
  'recipients',
]);

/** A public statement is a news release: it gets the release line, the dateline and "-30-". */
export function isRelease(draft: Pick<Draft, 'template'>): boolean {
  return draft.template === 'public-statement';
}

function logoParagraph(org: OrganisationProfile, lang: DraftLang, tag: string): Paragraph[] {
  const [, format, data] = (org.logo ? LOGO_DATA_URL.exec(org.logo) : null) ?? [];
  if (!format || !data) return [];
  const bytes = Buffer.from(data, 'base64');
  const size = imageSize(bytes);
  if (!size) return [];
  // At most 2 inches wide and 0.55 inch high, keeping its proportions.
  const scale = Math.min(192 / size.width, 53 / size.height, 1);
  const name = org.name[lang] || org.name.en || org.name.fr;
  // "Logo d’Élections Lakeshore", "Logo de la Commission électorale": the name with its article, as said.
  const alt =
    lang === 'fr' ? (name ? `Logo ${deFr(withArticleFr(name))}` : 'Logo') : `${name ? `${name} ` : ''}logo`;
  return [
    new Paragraph({
      run: { language: { value: tag } },
      children: [
        new ImageRun({
          type: format === 'jpeg' ? 'jpg' : (format as 'png' | 'gif'),
          data: bytes,
          transformation: {
            width: Math.max(1, Math.round(size.width * scale)),
            height: Math.max(1, Math.round(size.height * scale)),
          },
          altText: { name: 'Logo', title: xmlSafe(alt), description: xmlSafe(alt) },
        }),
      ],
    }),
  ];
}

function sectionBody(
  draft: Draft,
  lang: DraftLang,
  tags: Record<DraftLang, string>,
  meta: DocxMeta,
): (Paragraph | Table)[] {
  const tag = tags[lang];
  const org = meta.organisation ?? EMPTY_ORGANISATION_PROFILE;
  const sections = draft.sections[lang] ?? [];
  const headline = sections[0]?.kind === 'headline' ? sections[0] : undefined;
  const title = headline?.text ?? draft.title[lang] ?? TEMPLATE_NAMES[draft.template][lang];
  const name = TEMPLATE_NAMES[draft.template][lang];
  const date = formatDate(meta.date, lang);
  const release = isRelease(draft);
  const orgName = org.name[lang].trim();
  const out: (Paragraph | Table)[] = [
    ...logoParagraph(org, lang, tag),
    ...(orgName ? paragraphs(orgName, tag, { style: 'Organisation' }) : []),
    ...(release ? paragraphs(FOR_RELEASE[lang], tag, { style: 'ReleaseLine' }) : []),
    ...paragraphs(title.replace(/\s*\n\s*/g, ' '), tag, { heading: HeadingLevel.TITLE, outlineLevel: 0 }),
    ...(release ? [] : paragraphs(title === name ? date : `${name} — ${date}`, tag, { style: 'Subtitle' })),
  ];
  if (draft.template === 'social-post') {
    // A post is published as one paragraph: show it so, with its length.
    const post = socialPostText(sections);
    out.push(
      ...paragraphs(post.replace(/\s*\n\s*/g, ' '), tag),
      ...paragraphs(
        lang === 'fr'
          ? `Caractères${NBSP}: ${postLength(post)} sur ${SOCIAL_POST_LIMIT}`
          : `Characters: ${postLength(post)} of ${SOCIAL_POST_LIMIT}`,
        tag,
        { style: 'DocumentInfo' },
      ),
    );
    return out;
  }
  let dateline: string | undefined;
  let previous: DraftSection | undefined;
  // "-30-" ends the release's text; the media contact follows it, as Canadian news releases do. The
  // paragraph before it is kept on its page, so that the mark never starts a page alone.
  const endMark = release && org.endMark === true;
  const contactAt = sections.findIndex((s) => s.kind === 'media-contact');
  const endAt = contactAt > 0 ? contactAt : sections.length;
  const beforeEnd = sections[endAt - 1];
  let endMarked = false;
  const pushEndMark = () => {
    if (endMark && !endMarked) out.push(...paragraphs('-30-', tag, { style: 'EndMark' }));
    endMarked = true;
  };
  for (const section of sections) {
    if (section === headline) continue;
    if (section.kind === 'media-contact') pushEndMark();
    const answer = previous?.kind === 'question';
    previous = section;
    if (section.kind === 'dateline') {
      dateline = section.text.trim();
      continue;
    }
    if (dateline !== undefined) {
      // "Province of Lakeshore, May 12, 2027 — " before the first paragraph, as releases begin.
      out.push(...datelined(section, dateline, date, lang, tag));
      dateline = undefined;
      continue;
    }
    // Quoted source text (a classified note) is tagged with its own language.
    out.push(
      ...sectionParagraphs(
        section,
        tag,
        section.sourceLang ? tags[section.sourceLang] : undefined,
        answer,
        endMark && section === beforeEnd,
      ),
    );
  }
  pushEndMark();
  return out;
}

function datelined(
  section: DraftSection,
  place: string,
  date: string,
  lang: DraftLang,
  tag: string,
): Paragraph[] {
  const [first, ...rest] = sectionParagraphs({ ...section, text: '' }, tag);
  const lines = xmlSafe(section.text)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
  const lead = lang === 'fr' ? `${place}, le ${date} — ` : `${place}, ${date} — `;
  const opening = new Paragraph({
    run: { language: { value: tag } },
    children: [...runs(lead, tag, true), ...runs(lines[0] ?? '', tag)],
  });
  return [...(first ? [first] : []), ...rest, opening, ...lines.slice(1).flatMap((l) => paragraphs(l, tag))];
}

/**
 * A section's paragraphs: its heading (Heading 1; Heading 2 for a question; a bold label for the answer that
 * follows a question), then its lines.
 */
function sectionParagraphs(
  section: DraftSection,
  tag: string,
  sourceTag?: string,
  answer = false,
  keepWithNext = false,
): Paragraph[] {
  const text = section.heading?.trim() ?? '';
  const heading = !text
    ? []
    : section.kind === 'question'
      ? paragraphs(text, tag, { heading: HeadingLevel.HEADING_2, outlineLevel: 2 })
      : answer
        ? paragraphs(text, tag, { style: 'Label' })
        : paragraphs(text, tag, { heading: HeadingLevel.HEADING_1, outlineLevel: 1 });
  if (section.text === '') return heading;
  if (section.kind === 'question') return [...heading, ...paragraphs(section.text, tag, { style: 'Label' })];
  if (section.kind === 'classified' && sourceTag) {
    // "(SECRET) note": the marking in the document's language, the quoted note in its own.
    return [
      ...heading,
      ...xmlSafe(section.text)
        .split(/\r\n|\r|\n/)
        .filter((l) => l.trim() !== '')
        .map((line) => {
          const [, marking, note] = /^(\([^)]*\)\s*)([\s\S]*)$/.exec(line) ?? [];
          return new Paragraph({
            run: { language: { value: tag } },
            children:
              marking !== undefined && note !== undefined
                ? [...runs(marking, tag), ...runs(note, sourceTag)]
                : runs(line, sourceTag),
          });
        }),
    ];
  }
  return [...heading, ...paragraphs(section.text, tag, {}, BLOCK_KINDS.has(section.kind), keepWithNext)];
}

function header(draft: Draft, lang: DraftLang, tag: string): Header {
  const line = markingLine(draft, lang);
  return new Header({ children: line ? paragraphs(line, tag, { style: 'Marking' }) : [new Paragraph({})] });
}

function footer(draft: Draft, lang: DraftLang, tag: string): Footer {
  const [page, of] = PAGE[lang];
  const line = markingLine(draft, lang);
  return new Footer({
    children: [
      ...(line ? paragraphs(line, tag, { style: 'Marking' }) : []),
      new Paragraph({
        style: 'DocumentInfo',
        alignment: AlignmentType.CENTER,
        run: { language: { value: tag } },
        children: [
          new TextRun({ text: page, language: { value: tag } }),
          new TextRun({ children: [PageNumber.CURRENT], language: { value: tag } }),
          new TextRun({ text: of, language: { value: tag } }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], language: { value: tag } }),
        ],
      }),
    ],
  });
}

/** Letter paper (the North American default) with one-inch side margins and ¾-inch top and bottom ones, so
 *  that a release of usual length fits on one page per language. */
export const PAGE_PROPERTIES = {
  page: {
    size: { width: 12240, height: 15840 },
    margin: { top: 1080, bottom: 1080, left: 1440, right: 1440, header: 540, footer: 540 },
  },
};

/** The language tags of the document: the organisation's spelling varieties (en-CA, fr-CA by default). */
export function languageTags(org: OrganisationProfile | undefined): Record<DraftLang, string> {
  const v = varietiesOf(org ?? EMPTY_ORGANISATION_PROFILE);
  return { en: v.en, fr: v.fr };
}

export async function writeDocx(draft: Draft, meta: DocxMeta): Promise<Buffer> {
  const languages = (meta.languages ?? draft.languages).filter((l) => draft.languages.includes(l));
  const [first] = languages;
  if (first === undefined)
    throw new Error('Nothing to export: the draft has none of the languages asked for.');
  const org = meta.organisation ?? EMPTY_ORGANISATION_PROFILE;
  const tags = languageTags(org);
  const sections: ISectionOptions[] = languages.map((lang) => ({
    properties: PAGE_PROPERTIES,
    headers: { default: header(draft, lang, tags[lang]) },
    footers: { default: footer(draft, lang, tags[lang]) },
    children: sectionBody(draft, lang, tags, meta),
  }));
  const opening = draft.sections[first]?.[0];
  const title = xmlSafe((opening?.kind === 'headline' ? opening.text : draft.title[first]) ?? '').slice(
    0,
    1000,
  );
  const author = xmlSafe(org.name[first] || org.name.en || org.name.fr).slice(0, 500);
  const core = {
    title,
    subject: languages.map((l) => TEMPLATE_NAMES[draft.template][l]).join(' / '),
    creator: author,
    language: tags[first],
    date: meta.date,
  };
  const doc = new Document({
    title,
    creator: author,
    styles: documentStyles(tags[first]),
    sections,
  });
  // The properties are written whole: the docx library would add a revision number, "Un-named" as the last
  // author and an empty custom part, and has no option for the document's language.
  return Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(core) },
    { path: 'docProps/app.xml', data: appXml(author) },
    { path: 'docProps/custom.xml', data: EMPTY_CUSTOM_XML },
  ]);
}
