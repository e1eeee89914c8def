// The approval block: who drafted, reviewed and approved the text, in what role, and when. A real table with
// a header row, so that screen readers announce the columns.
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx';
import type { Draft, DraftLang, Signoff } from '../../../shared/domain/drafting';
import { xmlSafe } from '../text/sanitize';

const L = {
  heading: { en: 'Approval', fr: 'Approbation' },
  columns: { en: ['Step', 'Name', 'Role', 'Date'], fr: ['Étape', 'Nom', 'Fonction', 'Date'] },
  drafted: { en: 'Drafted by', fr: 'Rédigé par' },
  reviewed: { en: 'Reviewed by', fr: 'Révisé par' },
  approved: { en: 'Approved by', fr: 'Approuvé par' },
};

export function approvalBlock(draft: Draft, lang: DraftLang, languageTag: string): (Paragraph | Table)[] {
  const run = (text: string, bold?: boolean) =>
    new TextRun({ text: xmlSafe(text), ...(bold ? { bold } : {}), language: { value: languageTag } });
  // keepNext on every row but the last keeps the block on one page.
  const cell = (text: string, bold: boolean, keepNext: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, bold)],
          keepNext,
          spacing: { before: 40, after: 40 },
          run: { language: { value: languageTag } },
        }),
      ],
    });
  const row = (step: 'drafted' | 'reviewed' | 'approved', s: Signoff | undefined) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(L[step][lang], true, step !== 'approved'),
        cell(s?.name ?? '', false, step !== 'approved'),
        cell(s?.role ?? '', false, step !== 'approved'),
        cell(s?.date ?? '', false, step !== 'approved'),
      ],
    });
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [run(L.heading[lang])],
      run: { language: { value: languageTag } },
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: L.columns[lang].map((c) => cell(c, true, true)),
        }),
        row('drafted', draft.approvals?.drafted),
        row('reviewed', draft.approvals?.reviewed),
        row('approved', draft.approvals?.approved),
      ],
    }),
  ];
}
