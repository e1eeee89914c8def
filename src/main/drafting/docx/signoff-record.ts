// The internal sign-off record that goes with an exported text: what was exported (document, version, plan,
// the threats it is about, a fingerprint of its text, the checks), and who drafted, reviewed and approved it,
// in what role and when. It is marked with the highest classification of what it cites (the text, and the
// threat records, whose notes may be classified) and never for release. Tables have marked header rows.
import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Draft, DraftLang, Marking, Signoff } from '../../../shared/domain/drafting';
import { MARKINGS } from '../../../shared/domain/drafting';
import type { CheckReport } from '../../../shared/domain/drafting-records';
import type { OrganisationProfile } from '../../../shared/domain/organisation';
import { formatDate } from '../text/dates';
import { xmlSafe } from '../text/sanitize';
import { MARKING_LABELS } from '../templates/labels';
import { coreXml, appXml, EMPTY_CUSTOM_XML } from './properties';
import { documentStyles } from './styles';
import { languageTags, PAGE_PROPERTIES, TEMPLATE_NAMES } from './write-docx';
import { DOCUMENT_LABELS } from '../../documents/labels';

export interface CitedThreat {
  id: string;
  title: string;
  version: number;
  /** The highest classification of the threat's notes (UNCLASSIFIED when it has none). */
  classification: Marking;
}

export interface SignoffRecordInput {
  draft: Draft;
  draftId: string;
  version: number;
  planId: string;
  planVersion: number;
  threats: CitedThreat[];
  report: CheckReport;
  /** SHA-256 of the exported text. */
  textHash: string;
  /** The release file this record goes with. */
  releaseFile: string;
  /** The languages exported. */
  languages: DraftLang[];
  /** YYYY-MM-DD. */
  date: string;
  organisation: OrganisationProfile;
}

const L = {
  ...DOCUMENT_LABELS.signoffRecord,
  why: {
    en: (m: string) =>
      `Marked ${m}: the highest classification of the text and of the threat records it cites.`,
    fr: (m: string) =>
      `Marqué ${m} : la classification la plus élevée du texte et des fiches de menace qu’il cite.`,
  },
  checksValue: {
    en: (e: number, w: number) => `${e} error(s), ${w} warning(s)`,
    fr: (e: number, w: number) => `${e} erreur(s), ${w} avertissement(s)`,
  },
};

/** The highest marking among the text's and the cited threats'. */
export function recordMarking(
  draft: Pick<Draft, 'classification'>,
  threats: readonly CitedThreat[],
): Marking {
  const rank = (m: Marking) => MARKINGS.indexOf(m);
  return [draft.classification, ...threats.map((t) => t.classification)].reduce((a, b) =>
    rank(b) > rank(a) ? b : a,
  );
}

export async function writeSignoffRecord(
  input: SignoffRecordInput,
): Promise<{ buffer: Buffer; marking: Marking }> {
  const lang = input.languages[0] ?? 'en';
  const tag = languageTags(input.organisation)[lang];
  const marking = recordMarking(input.draft, input.threats);
  const markingText = `${MARKING_LABELS[marking][lang]} — ${L.internal[lang]}`;
  const run = (text: string, bold = false) =>
    new TextRun({ text: xmlSafe(text), ...(bold ? { bold } : {}), language: { value: tag } });
  const p = (
    text: string,
    opts: {
      heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
      style?: string;
      outlineLevel?: number;
    } = {},
  ) => new Paragraph({ ...opts, children: [run(text)], run: { language: { value: tag } } });
  const cell = (text: string, bold: boolean, keepNext: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, bold)],
          keepNext,
          spacing: { before: 40, after: 40 },
          run: { language: { value: tag } },
        }),
      ],
    });
  // keepNext on every row but the last keeps a table on one page.
  const table = (columns: string[], rows: string[][], widths: number[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths.map((w) => Math.round((w / 100) * 9360)),
      rows: [
        // Screen readers announce the columns from the header row, repeated on every page.
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: columns.map((c) => cell(c, true, true)),
        }),
        ...rows.map(
          (r, i) =>
            new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false, i < rows.length - 1)) }),
        ),
      ],
    });
  const d = input.draft;
  const signoff = (s: Signoff | undefined) =>
    s ? [s.name, s.role, formatDate(s.date, lang)] : [L.notYet[lang], '', ''];
  const children = [
    p(L.title[lang], { heading: HeadingLevel.TITLE, outlineLevel: 0 }),
    p(L.why[lang](MARKING_LABELS[marking][lang])),
    p(L.document[lang], { heading: HeadingLevel.HEADING_1, outlineLevel: 1 }),
    table(
      [L.field[lang], L.value[lang]],
      [
        [L.kind[lang], TEMPLATE_NAMES[d.template][lang]],
        [L.titleRow[lang], d.title[lang] ?? ''],
        [L.draft[lang], `${input.draftId}, ${L.version[lang]} ${input.version}`],
        [L.plan[lang], `${input.planId}, ${L.version[lang]} ${input.planVersion}`],
        [L.status[lang], L.status_[d.status][lang]],
        [L.languages[lang], input.languages.join(', ')],
        [L.file[lang], input.releaseFile],
        [L.fingerprint[lang], input.textHash],
        [L.checks[lang], L.checksValue[lang](input.report.errors, input.report.warnings)],
        [L.exported[lang], formatDate(input.date, lang)],
      ],
      [40, 60],
    ),
    p(L.threats[lang], { heading: HeadingLevel.HEADING_1, outlineLevel: 1 }),
    table(
      L.threatColumns[lang],
      input.threats.map((t) => [t.id, t.title, String(t.version), MARKING_LABELS[t.classification][lang]]),
      [14, 50, 13, 23],
    ),
    p(L.approvals[lang], { heading: HeadingLevel.HEADING_1, outlineLevel: 1 }),
    table(
      L.columns[lang],
      [
        [L.drafted[lang], ...signoff(d.approvals?.drafted)],
        [L.reviewed[lang], ...signoff(d.approvals?.reviewed)],
        [L.approved[lang], ...signoff(d.approvals?.approved)],
      ],
      [22, 28, 30, 20],
    ),
  ];
  const markingParagraph = () => p(markingText, { style: 'Marking' });
  const doc = new Document({
    styles: documentStyles(tag),
    sections: [
      {
        properties: PAGE_PROPERTIES,
        headers: { default: new Header({ children: [markingParagraph()] }) },
        footers: { default: new Footer({ children: [markingParagraph()] }) },
        children,
      },
    ],
  });
  const org = input.organisation.name[lang] || input.organisation.name.en;
  const buffer = await Packer.toBuffer(doc, false, [
    {
      path: 'docProps/core.xml',
      data: coreXml({
        title: `${L.title[lang]} — ${d.title[lang] ?? TEMPLATE_NAMES[d.template][lang]}`,
        subject: TEMPLATE_NAMES[d.template][lang],
        creator: org,
        language: tag,
        date: input.date,
        keywords: [MARKING_LABELS[marking].en, input.draftId, ...input.threats.map((t) => t.id)].join('; '),
        description: `${input.draftId} v${input.version}`,
      }),
    },
    { path: 'docProps/app.xml', data: appXml(org) },
    { path: 'docProps/custom.xml', data: EMPTY_CUSTOM_XML },
  ]);
  return { buffer, marking };
}
