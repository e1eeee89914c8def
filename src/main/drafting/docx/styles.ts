// Real Word styles (Normal, Title, Subtitle, Heading 1 and 2, and a style for markings), so that the
// document can be edited in the organisation's own template and read by screen readers as structure.
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
        paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT, size: 40, bold: true, color: ACCENT },
        paragraph: {
          spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          keepNext: true,
        },
      },
      heading1: {
        run: { font: FONT, size: 28, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: INK },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
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
