// Real Word styles (Normal, Title, Subtitle, Heading 1 and 2, and styles for markings and the parts of a
// release), so that the document can be edited in the organisation's own template and read by screen readers
// as structure. Title and headings carry outline levels: Word's navigation pane and PDF bookmarks follow them.
import type { IStylesOptions } from 'docx';
import { AlignmentType, LineRuleType } from 'docx';

const FONT = 'Arial';
const INK = '1F2937';
const ACCENT = '1F3864';

export function documentStyles(languageTag: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, color: INK, language: { value: languageTag } },
        // lineRule is written out: LibreOffice does not read a missing one as "auto".
        paragraph: { spacing: { after: 140, line: 259, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT, size: 40, bold: true, color: ACCENT },
        paragraph: {
          spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
          outlineLevel: 0,
        },
      },
      heading1: {
        run: { font: FONT, size: 28, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 1 },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: INK },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 },
      },
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 24, color: '4B5563' },
        paragraph: { spacing: { after: 320 } },
      },
      {
        id: 'Marking',
        name: 'Marking',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: 18, bold: true, color: 'B91C1C', allCaps: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
      {
        // The lines of a block (an address, a contact, a list of sources) sit together.
        id: 'BlockLine',
        name: 'Block Line',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { after: 0 } },
      },
      {
        // The organisation's name at the top of a document.
        id: 'Organisation',
        name: 'Organisation',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 26, bold: true, color: ACCENT },
        paragraph: { spacing: { after: 60 } },
      },
      {
        // "FOR IMMEDIATE RELEASE".
        id: 'ReleaseLine',
        name: 'Release Line',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 20, bold: true, allCaps: true, color: INK },
        paragraph: { spacing: { before: 120, after: 240 } },
      },
      {
        // A label before a block ("Answer 1").
        id: 'Label',
        name: 'Label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { after: 40 }, keepNext: true },
      },
      {
        // "-30-", the end of a release.
        id: 'EndMark',
        name: 'End Mark',
        basedOn: 'Normal',
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240 } },
      },
      {
        id: 'DocumentInfo',
        name: 'Document Info',
        basedOn: 'Normal',
        run: { size: 16, color: '4B5563' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: 'Placeholder',
        name: 'Placeholder',
        basedOn: 'DefaultParagraphFont',
        run: { bold: true, highlight: 'yellow' },
      },
    ],
  };
}
