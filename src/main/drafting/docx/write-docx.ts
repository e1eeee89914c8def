// The Word document of a draft: real styles, a header and footer with the classification and release
// markings, the document id, version, date and page numbers, an approval block, the language of every
// paragraph (en-CA / fr-CA) and the core properties. A bilingual export puts each language in its own
// section. Every string is made XML-safe first, so hostile text still gives a valid document.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import type { Draft, DraftLang, DraftSection, TemplateId } from '../../../shared/domain/drafting';
import { formatDate } from '../text/dates';
import { splitPlaceholders } from '../text/placeholders';
import { xmlSafe } from '../text/sanitize';
import { postLength, socialPostText, SOCIAL_POST_LIMIT } from '../templates/social-post';
import { approvalBlock } from './approval-block';
import { classificationMarking, markingLine } from './markings';
import { documentStyles } from './styles';

export interface DocxMeta {
  documentId: string;
  version: number | string;
  /** YYYY-MM-DD. */
  date: string;
  /** Author recorded in the document's properties (default "Threshold"). */
  creator?: string;
  /** Language tags written into the document (default en-CA and fr-CA). */
  languageTags?: Partial<Record<DraftLang, string>>;
  /** Which of the draft's languages to export (default all: a bilingual document when there are two). */
  languages?: DraftLang[];
  /** Extra keywords for the document's properties. */
  keywords?: string[];
}

const DEFAULT_TAGS: Record<DraftLang, string> = { en: 'en-CA', fr: 'fr-CA' };

export const TEMPLATE_NAMES: Record<TemplateId, Record<DraftLang, string>> = {
  'public-statement': { en: 'Public statement', fr: 'Déclaration publique' },
  'social-post': { en: 'Social media post', fr: 'Publication pour les médias sociaux' },
  'media-lines': { en: 'Media lines', fr: 'Lignes média' },
  'partner-notification': { en: 'Notification to partners', fr: 'Avis aux partenaires' },
  'briefing-note': { en: 'Briefing note', fr: 'Note d’information' },
};

const PAGE = { en: ['Page ', ' of '], fr: ['Page ', ' de '] } as const;
const VERSION = { en: 'Version', fr: 'Version' };

/** Text runs of one line, placeholders highlighted so nobody misses them. */
function runs(text: string, tag: string): TextRun[] {
  return splitPlaceholders(xmlSafe(text)).map(
    (part) =>
      new TextRun({
        text: part.text,
        language: { value: tag },
        ...(part.placeholder ? { style: 'Placeholder' } : {}),
      }),
  );
}

interface ParagraphOptions {
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  style?: string;
}

/** One paragraph per line. The lines of a block other than the last use BlockLine, so the block reads as one. */
function paragraphs(text: string, tag: string, options: ParagraphOptions = {}, block = false): Paragraph[] {
  const lines = xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const style =
      block && !options.heading && !options.style && i < lines.length - 1 ? { style: 'BlockLine' } : {};
    return new Paragraph({
      ...options,
      ...style,
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

function sectionBody(draft: Draft, lang: DraftLang, tag: string, meta: DocxMeta): (Paragraph | Table)[] {
  const sections = draft.sections[lang] ?? [];
  const headline = sections[0]?.kind === 'headline' ? sections[0] : undefined;
  const title = headline?.text ?? draft.title[lang] ?? TEMPLATE_NAMES[draft.template][lang];
  const name = TEMPLATE_NAMES[draft.template][lang];
  const date = formatDate(meta.date, lang);
  const out: (Paragraph | Table)[] = [
    ...paragraphs(title.replace(/\s*\n\s*/g, ' '), tag, { heading: HeadingLevel.TITLE }),
    ...paragraphs(title === name ? date : `${name} — ${date}`, tag, { style: 'Subtitle' }),
  ];
  if (draft.template === 'social-post') {
    // A post is published as one paragraph: show it so, with its length.
    const post = socialPostText(sections);
    out.push(
      ...paragraphs(post.replace(/\s*\n\s*/g, ' '), tag),
      ...paragraphs(
        lang === 'fr'
          ? `Caractères : ${postLength(post)} sur ${SOCIAL_POST_LIMIT}`
          : `Characters: ${postLength(post)} of ${SOCIAL_POST_LIMIT}`,
        tag,
        { style: 'DocumentInfo' },
      ),
    );
  } else {
    for (const section of sections) {
      if (section === headline) continue;
      out.push(...sectionParagraphs(section, tag));
    }
  }
  out.push(...approvalBlock(draft, lang, tag));
  return out;
}

function sectionParagraphs(section: DraftSection, tag: string): Paragraph[] {
  const heading = section.heading?.trim()
    ? paragraphs(section.heading, tag, { heading: HeadingLevel.HEADING_1 })
    : [];
  if (section.kind === 'question')
    return [...heading, ...paragraphs(section.text, tag, { heading: HeadingLevel.HEADING_2 })];
  return [...heading, ...paragraphs(section.text, tag, {}, BLOCK_KINDS.has(section.kind))];
}

function header(draft: Draft, lang: DraftLang, tag: string): Header {
  return new Header({ children: paragraphs(markingLine(draft, lang), tag, { style: 'Marking' }) });
}

function footer(draft: Draft, lang: DraftLang, tag: string, meta: DocxMeta): Footer {
  const info = xmlSafe(`${meta.documentId} · ${VERSION[lang]} ${meta.version} · ${meta.date} · `);
  const [page, of] = PAGE[lang];
  return new Footer({
    children: [
      ...paragraphs(markingLine(draft, lang), tag, { style: 'Marking' }),
      new Paragraph({
        style: 'DocumentInfo',
        alignment: AlignmentType.CENTER,
        run: { language: { value: tag } },
        children: [
          new TextRun({ text: info + page, language: { value: tag } }),
          new TextRun({ children: [PageNumber.CURRENT], language: { value: tag } }),
          new TextRun({ text: of, language: { value: tag } }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], language: { value: tag } }),
        ],
      }),
    ],
  });
}

/** Letter paper (the North American default) with one-inch margins. */
const PAGE_PROPERTIES = {
  page: {
    size: { width: 12240, height: 15840 },
    margin: { top: 1440, bottom: 1440, left: 1440, right: 1440, header: 720, footer: 720 },
  },
};

export async function writeDocx(draft: Draft, meta: DocxMeta): Promise<Buffer> {
  const languages = (meta.languages ?? draft.languages).filter((l) => draft.languages.includes(l));
  const [first] = languages;
  if (!first) throw new Error('Nothing to export: the draft has none of the languages asked for.');
  const tags = { ...DEFAULT_TAGS, ...meta.languageTags };
  const sections: ISectionOptions[] = languages.map((lang) => ({
    properties: PAGE_PROPERTIES,
    headers: { default: header(draft, lang, tags[lang]) },
    footers: { default: footer(draft, lang, tags[lang], meta) },
    children: sectionBody(draft, lang, tags[lang], meta),
  }));
  const opening = draft.sections[first]?.[0];
  const title = xmlSafe((opening?.kind === 'headline' ? opening.text : draft.title[first]) ?? '').slice(
    0,
    1000,
  );
  const core = {
    creator: xmlSafe(meta.creator ?? 'Threshold').slice(0, 500),
    title,
    subject: languages.map((l) => TEMPLATE_NAMES[draft.template][l]).join(' / '),
    keywords: xmlSafe(
      [
        'election',
        draft.template,
        classificationMarking(draft, 'en'),
        ...draft.threatIds,
        ...(meta.keywords ?? []),
      ].join('; '),
    ).slice(0, 1000),
    description: xmlSafe(
      `${meta.documentId}, ${VERSION.en.toLowerCase()} ${meta.version}, ${draft.status}`,
    ).slice(0, 1000),
    revision:
      typeof meta.version === 'number' && Number.isInteger(meta.version) && meta.version > 0
        ? meta.version
        : undefined,
  };
  const doc = new Document({
    ...core,
    lastModifiedBy: core.creator,
    customProperties: [
      { name: 'DocumentId', value: xmlSafe(meta.documentId) },
      { name: 'Classification', value: draft.classification },
      { name: 'Status', value: draft.status },
    ],
    styles: documentStyles(tags[first]),
    sections,
  });
  // The core properties are written whole here, with the document's language, which the docx
  // library has no option for (re-zipping its output to add it would cost as much as packing).
  return Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml({ ...core, language: tags[first] }) },
  ]);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function coreXml(
  p: {
    title: string;
    subject: string;
    creator: string;
    keywords: string;
    description: string;
    revision: number | undefined;
    language: string;
  },
  now = new Date(),
): string {
  const when = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords>` +
    `<dc:description>${escapeXml(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    (p.revision !== undefined ? `<cp:revision>${p.revision}</cp:revision>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `<dc:language>${escapeXml(p.language)}</dc:language>` +
    '</cp:coreProperties>'
  );
}
