// The after-action report as a Word document: real styles (the drafting documents' own), a table of contents,
// headings with outline levels, tables with header rows repeated on every page, the charts as images with
// alternative text, the marking in every header and footer, and each part in its language (en, fr, or both,
// one after the other). The classified annex, when asked for, comes last, on pages of its own.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { LEVELS, PURPOSES, TARGET_KINDS, THREAT_TYPES, type Level } from '../../shared/domain/enums';
import type { Count } from '../../shared/domain/dashboard';
import type { Spread } from '../../shared/domain/responses';
import { formatDate } from '../drafting/text/dates';
import { xmlSafe } from '../drafting/text/sanitize';
import {
  LEVEL_LABELS,
  MARKING_LABELS,
  PURPOSE_LABELS,
  TARGET_LABELS,
  TYPE_LABELS,
} from '../drafting/templates/labels';
import { appXml, coreXml, EMPTY_CUSTOM_XML } from '../drafting/docx/properties';
import { documentStyles } from '../drafting/docx/styles';
import { languageTags, PAGE_PROPERTIES } from '../drafting/docx/write-docx';
import { barsOverTimeSvg, CHART_SIZE, horizontalBarsSvg, pairedBarsSvg } from './charts';
import { duration, num, percent, R } from './labels';
import type { ReportData, ReportLang } from './model';
import { svgToPng } from './render-png';

/** The title of the contents: a heading's look without being a heading (it is not listed in itself). */
const CONTENTS_TITLE = {
  id: 'ContentsTitle',
  name: 'Contents Title',
  basedOn: 'Normal',
  next: 'Normal',
  run: { size: 28, bold: true, color: '1F3864' },
  paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
};

const TEXT_WIDTH = 9360; // twips between one-inch margins on letter paper
const IMAGE_WIDTH = 620; // points-ish pixels as docx takes them (6.5 in at 96 dpi ≈ 624)

/** French spacing: non-breaking space inside guillemets and before a colon, a narrow one before ; ! ? */
export function frenchSpacing(text: string): string {
  return text
    .replace(/« /g, '«\u00A0')
    .replace(/ »/g, '\u00A0»')
    .replace(/ :/g, '\u00A0:')
    .replace(/ ([;!?])/g, '\u202F$1');
}

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

class Writer {
  readonly tag: string;
  constructor(
    readonly lang: ReportLang,
    tags: Record<ReportLang, string>,
  ) {
    this.tag = tags[lang];
  }

  run(text: string, opts: { bold?: boolean; italics?: boolean } = {}) {
    const said = this.lang === 'fr' ? frenchSpacing(xmlSafe(text)) : xmlSafe(text);
    return new TextRun({ text: said, ...opts, language: { value: this.tag } });
  }

  p(text: string, opts: { heading?: Heading; style?: string; keepNext?: boolean; bold?: boolean } = {}) {
    const { bold, ...rest } = opts;
    return new Paragraph({
      ...rest,
      children: [this.run(text, { bold: bold ?? false })],
      run: { language: { value: this.tag } },
    });
  }

  h1(text: string) {
    return this.p(text, { heading: HeadingLevel.HEADING_1 });
  }

  h2(text: string) {
    return this.p(text, { heading: HeadingLevel.HEADING_2 });
  }

  cell(text: string, header: boolean, opts: { span?: number; keepNext?: boolean } = {}) {
    return new TableCell({
      ...(opts.span ? { columnSpan: opts.span } : {}),
      ...(header ? { shading: { fill: 'E5E7EB' } } : {}),
      children: xmlSafe(text)
        .split('\n')
        .map(
          (line) =>
            new Paragraph({
              children: [this.run(line, { bold: header })],
              keepNext: opts.keepNext ?? false,
              spacing: { before: 40, after: 40 },
              run: { language: { value: this.tag } },
            }),
        ),
    });
  }

  /** A table whose first row is a header row (repeated on every page, announced by screen readers). */
  table(columns: readonly string[], rows: (string[] | { span: string })[], widths: number[]) {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths.map((w) => Math.round((w / 100) * TEXT_WIDTH)),
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: columns.map((c) => this.cell(c, true, { keepNext: true })),
        }),
        ...rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: Array.isArray(r)
                ? r.map((c) => this.cell(c, false))
                : [this.cell(r.span, false, { span: columns.length })],
            }),
        ),
      ],
    });
  }

  image(png: Buffer, alt: string, title: string) {
    const height = Math.round((IMAGE_WIDTH * CHART_SIZE.height) / CHART_SIZE.width);
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: false,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: IMAGE_WIDTH, height },
          altText: { name: title, title, description: alt },
        }),
      ],
    });
  }

  date(iso: string) {
    return formatDate(iso.slice(0, 10), this.lang);
  }
}

const levelName = (l: Level | null | 'unassessed', lang: ReportLang) =>
  l === null || l === 'unassessed' ? R.unassessed[lang] : LEVEL_LABELS[l][lang];

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function spreadText(s: Spread, lang: ReportLang): string {
  if (!s.count || s.median === null) return R.noCases[lang];
  return R.medianSpread[lang](
    duration(s.median, lang),
    duration(s.p25 ?? s.median, lang),
    duration(s.p75 ?? s.median, lang),
    s.count,
  );
}

function countRows<K extends string>(
  counts: Count<K>[],
  order: readonly K[],
  name: (k: K) => string,
  total: number,
  lang: ReportLang,
) {
  const by = new Map(counts.map((c) => [c.key, c.count]));
  return order
    .filter((k) => (by.get(k) ?? 0) > 0)
    .map((k) => [capital(name(k)), num(by.get(k) ?? 0, lang), percent(by.get(k) ?? 0, total, lang)]);
}

/** One language's part of the report: sections 1 to 6. */
function body(d: ReportData, w: Writer, charts: Charts): (Paragraph | Table | TableOfContents)[] {
  const lang = w.lang;
  const out: (Paragraph | Table | TableOfContents)[] = [];
  const dash = d.dashboard;

  // 1. Summary
  out.push(w.h1(R.s1[lang]));
  if (!dash.total) out.push(w.p(R.s1none[lang]));
  else {
    out.push(w.p(R.s1intro[lang](dash.total)));
  }
  const cols = [R.count[lang], R.share[lang]];
  const sub = (title: string, rows: string[][]) => {
    out.push(w.h2(title), w.table([title, ...cols], rows, [60, 20, 20]));
  };
  sub(
    R.byLevel[lang],
    countRows(dash.byLevel, [...LEVELS, 'unassessed'] as const, (k) => levelName(k, lang), dash.total, lang),
  );
  sub(
    R.byPurpose[lang],
    countRows(dash.byPurpose, PURPOSES, (k) => PURPOSE_LABELS[k][lang], dash.total, lang),
  );
  sub(
    R.byType[lang],
    countRows(dash.byType, THREAT_TYPES, (k) => TYPE_LABELS[k][lang], dash.total, lang),
  );
  sub(
    R.byTarget[lang],
    countRows(dash.byTargetKind, TARGET_KINDS, (k) => TARGET_LABELS[k][lang], dash.total, lang),
  );
  const cw = d.criticalWindow;
  const high = cw.data.byLevel
    .filter((c) => c.key === 'engage-privately' || c.key === 'speak-publicly')
    .reduce((n, c) => n + c.count, 0);
  out.push(
    w.h2(R.critical[lang]),
    w.p(R.criticalText[lang](w.date(cw.from), w.date(cw.to), cw.data.total, high)),
  );

  // 2. Timeline
  out.push(w.h1(R.s2[lang]), w.p(R.s2intro[lang]));
  if (!d.timeline.length) out.push(w.p(R.s2none[lang]));
  else {
    const rows: (string[] | { span: string })[] = [];
    for (const t of d.timeline) {
      const threat = `${t.id}\n${t.titles[lang] ?? t.title}`;
      if (!t.decisions.length) {
        rows.push([threat, w.date(t.firstSeen), levelName(t.level, lang), R.noDecision[lang]]);
        continue;
      }
      for (const dec of t.decisions) {
        const others = dec.threatIds.filter((id) => id !== t.id);
        rows.push([
          threat,
          w.date(t.firstSeen),
          levelName(t.level, lang),
          [
            `${levelName(dec.level, lang)}, ${w.date(dec.decidedAt)}`,
            `${dec.decidedBy} (${dec.role})`,
            `${R.colPolicy[lang]} ${R.version[lang]} ${dec.policyVersion}`,
            ...(others.length ? [R.cluster[lang](others.join(', '))] : []),
          ].join('\n'),
        ]);
        rows.push({
          span: `${R.rationale[lang]}${lang === 'fr' ? '\u00A0' : ''}: ${dec.rationale.trim() || R.noRationale[lang]}`,
        });
      }
    }
    out.push(
      w.table(
        [R.colThreat[lang], R.colFirstSeen[lang], R.colLevel[lang], R.colDecision[lang]],
        rows,
        [38, 17, 17, 28],
      ),
    );
  }

  // 3. Statements
  out.push(w.h1(R.s3[lang]));
  if (!d.statements.length) out.push(w.p(R.s3none[lang]));
  for (const s of d.statements) {
    const other: ReportLang = lang === 'en' ? 'fr' : 'en';
    const textLang = s.text[lang]?.length ? lang : other;
    out.push(w.h2(s.title[lang] || s.title[other] || s.draftId));
    out.push(w.p(R.released[lang](w.date(s.releasedOn), s.threatIds.join(', ')), { style: 'Subtitle' }));
    if (textLang !== lang) out.push(w.p(R.otherLanguage[lang]));
    const tw = new Writer(textLang, {
      en: w.lang === 'en' ? w.tag : 'en-CA',
      fr: w.lang === 'fr' ? w.tag : 'fr-CA',
    });
    for (const line of s.text[textLang] ?? []) out.push(tw.p(line));
  }

  // 4. Outcomes
  const r = d.responses;
  out.push(w.h1(R.s4[lang]), w.p(R.s4intro[lang](r.responded)));
  out.push(
    w.table(
      [R.figure[lang], R.value[lang]],
      [
        [R.toDecision[lang], spreadText(r.firstSeenToDecision, lang)],
        [R.toRelease[lang], spreadText(r.decisionToRelease, lang)],
        [R.reachFell[lang], num(r.reach.fell, lang)],
        [R.reachNot[lang], num(r.reach.didNotFall, lang)],
        [R.reachUnknown[lang], num(r.reach.noOutcome, lang)],
        [
          R.overdue[lang](r.overdue.threats.length, r.overdue.days),
          r.overdue.threats.map((t) => t.threatId).join(', ') || '—',
        ],
      ],
      [55, 45],
    ),
  );
  out.push(w.image(charts.overTime(lang), R.altOverTime[lang](dash.total), R.chartOverTime[lang]));
  out.push(w.image(charts.levels(lang), R.altLevels[lang], R.chartLevels[lang]));
  out.push(w.image(charts.reach(lang), R.altReach[lang], R.chartReach[lang]));
  out.push(w.h2(R.observations[lang]));
  if (!d.outcomes.length) out.push(w.p(R.noObservations[lang]));
  else
    out.push(
      w.table(
        R.obsColumns[lang],
        [...d.outcomes]
          .sort((a, b) => a.threatId.localeCompare(b.threatId) || a.date.localeCompare(b.date))
          .map((o) => [
            o.threatId,
            w.date(o.date),
            [
              `Breakout ${o.reach.breakout}`,
              ...(o.reach.estimatedAudience === undefined ? [] : [num(o.reach.estimatedAudience, lang)]),
              R.trends[o.reach.trend]?.[lang] ?? o.reach.trend,
            ].join('\n'),
            o.stillSpreading === undefined ? '—' : o.stillSpreading ? R.yes[lang] : R.no[lang],
            (o.platformActions ?? []).map((a) => R.platformActions[a]?.[lang] ?? a).join(', ') || '—',
            o.mediaPickup ? (R.media[o.mediaPickup]?.[lang] ?? o.mediaPickup) : '—',
          ]),
        [13, 17, 19, 14, 20, 17],
      ),
    );

  // 5. Departures from the recommendation
  out.push(w.h1(R.s5[lang]), w.p(R.s5intro[lang]));
  const departures = d.timeline.flatMap((t) =>
    t.decisions.filter((x) => x.level !== x.recommendedLevel).map((x) => ({ t, x })),
  );
  const unique = [...new Map(departures.map((e) => [`${e.x.assessmentId}:${e.x.decidedAt}`, e])).values()];
  if (!unique.length) out.push(w.p(R.s5none[lang]));
  else
    out.push(
      w.table(
        [R.colThreat[lang], R.colRecommended[lang], R.colDecided[lang], R.colWho[lang], R.rationale[lang]],
        unique.map(({ t, x }) => [
          `${x.threatIds.join(', ')}\n${t.titles[lang] ?? t.title}`,
          levelName(x.recommendedLevel, lang),
          levelName(x.level, lang),
          `${x.decidedBy}, ${x.role}\n${w.date(x.decidedAt)}`,
          x.rationale,
        ]),
        [22, 15, 15, 18, 30],
      ),
    );

  // 6. Policy changes
  out.push(w.h1(R.s6[lang]));
  const from = d.election.writIssued ?? d.criticalWindow.from;
  if (!d.policyChanges.length) out.push(w.p(R.s6none[lang](w.date(from), w.date(d.criticalWindow.to))));
  else
    out.push(
      w.table(
        [R.colVersion[lang], R.colDate[lang], R.colChangedBy[lang], R.colWhat[lang], R.colNote[lang]],
        d.policyChanges.map((c) => [
          String(c.version),
          w.date(c.savedAt),
          [c.savedBy ?? '—', c.savedRole].filter(Boolean).join('\n'),
          c.changed.slice(0, 12).join('\n') + (c.changed.length > 12 ? `\n(+${c.changed.length - 12})` : ''),
          c.note ?? '',
        ]),
        [10, 16, 20, 34, 20],
      ),
    );
  return out;
}

interface Charts {
  overTime(lang: ReportLang): Buffer;
  levels(lang: ReportLang): Buffer;
  reach(lang: ReportLang): Buffer;
}

function charts(d: ReportData): Charts {
  const dash = d.dashboard;
  const totals = dash.overTime.buckets.map((_, i) =>
    dash.overTime.series.reduce((n, s) => n + (s.counts[i] ?? 0), 0),
  );
  const polling = dash.overTime.buckets.findIndex(
    (b) => b.start <= d.election.pollingDay && d.election.pollingDay <= b.end,
  );
  const png = (svg: string) => svgToPng(svg, CHART_SIZE.width * 2);
  const withOutcome = d.responses.effects.filter((e) => e.after).slice(0, 14);
  return {
    overTime: (lang) =>
      png(
        barsOverTimeSvg({
          title: R.chartOverTime[lang],
          labels: dash.overTime.buckets.map((b) =>
            formatDate(b.start, lang)
              .replace(/,? \d{4}$/, '')
              .replace(/ \d{4}$/, ''),
          ),
          counts: totals,
          marker: polling >= 0 ? { index: polling, label: R.polling[lang] } : undefined,
          yLabel: R.threatsAxis[lang],
        }),
      ),
    levels: (lang) =>
      png(
        horizontalBarsSvg({
          title: R.chartLevels[lang],
          rows: dash.byLevel.map((c) => ({ label: levelName(c.key, lang), value: c.count })),
        }),
      ),
    reach: (lang) =>
      png(
        pairedBarsSvg({
          title: R.chartReach[lang],
          groups: withOutcome.flatMap((e) =>
            e.after ? [{ label: e.threatId, before: e.before.breakout, after: e.after.breakout }] : [],
          ),
          legend: { before: R.before[lang], after: R.after[lang] },
          yLabel: R.breakoutAxis[lang],
          max: 6,
        }),
      ),
  };
}

function annexBody(d: ReportData, w: Writer): Paragraph[] {
  const lang = w.lang;
  const marking = MARKING_LABELS[d.annexMarking ?? 'UNCLASSIFIED'][lang];
  const out = [w.h1(R.annex[lang]), w.p(R.annexIntro[lang](marking))];
  if (!d.annex?.length) out.push(w.p(R.annexNone[lang]));
  for (const a of d.annex ?? []) {
    out.push(w.h2(`${a.threatId} — ${a.title}`));
    for (const n of a.notes) {
      const label = MARKING_LABELS[n.classification][lang];
      out.push(w.p(`(${label}) ${n.text}`));
    }
  }
  return out;
}

export interface ReportMeta {
  languages: ReportLang[];
}

export async function writeReport(d: ReportData, meta: ReportMeta): Promise<Buffer> {
  const tags = languageTags(d.organisation);
  const drawn = charts(d);
  const [first] = meta.languages;
  if (!first) throw new Error('Say which language to write the report in.');
  const markingText = (lang: ReportLang) => `${MARKING_LABELS[d.marking][lang]} — ${R.internal[lang]}`;
  const header = (lang: ReportLang) =>
    new Header({ children: [new Writer(lang, tags).p(markingText(lang), { style: 'Marking' })] });
  const footer = (lang: ReportLang) => {
    const w = new Writer(lang, tags);
    return new Footer({
      children: [
        w.p(markingText(lang), { style: 'Marking' }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: [R.page[lang][0], PageNumber.CURRENT, R.page[lang][1], PageNumber.TOTAL_PAGES],
              size: 16,
              language: { value: tags[lang] },
            }),
          ],
        }),
      ],
    });
  };
  const sections: ISectionOptions[] = meta.languages.map((lang, i) => {
    const w = new Writer(lang, tags);
    const name = d.election.translations?.[lang]?.name ?? d.election.name;
    const org = d.organisation.name[lang] || d.organisation.name.en;
    const children: (Paragraph | Table | TableOfContents)[] = [
      w.p(`${R.title[lang]} — ${name}`, { heading: HeadingLevel.TITLE }),
      w.p(
        [
          org,
          `${R.pollingDay[lang]}${lang === 'fr' ? '\u00A0' : ''}: ${w.date(d.election.pollingDay)}`,
          `${R.prepared[lang]} ${w.date(d.asOf)}`,
        ]
          .filter(Boolean)
          .join(' · '),
        { style: 'Subtitle' },
      ),
      w.p(d.annex ? R.markingWhyAnnex[lang](MARKING_LABELS[d.marking][lang]) : R.markingWhyPlain[lang]),
    ];
    if (i === 0) {
      const contents = meta.languages.map((l) => R.contents[l]).join(' / ');
      children.push(w.p(contents, { style: 'ContentsTitle' }));
      children.push(new TableOfContents(contents, { hyperlink: true, headingStyleRange: '1-2' }));
      children.push(new Paragraph({ children: [new PageBreak()] }));
    }
    children.push(...body(d, w, drawn));
    return {
      properties: { ...PAGE_PROPERTIES, ...(i > 0 ? {} : {}) },
      headers: { default: header(lang) },
      footers: { default: footer(lang) },
      children,
    };
  });
  if (d.annex) {
    const w = new Writer(first, tags);
    sections.push({
      properties: PAGE_PROPERTIES,
      headers: { default: header(first) },
      footers: { default: footer(first) },
      children: annexBody(d, w),
    });
  }
  const styles = documentStyles(tags[first]);
  const doc = new Document({
    styles: { ...styles, paragraphStyles: [...(styles.paragraphStyles ?? []), CONTENTS_TITLE] },
    // The contents are written with an entry per heading (linked to it); Word fills in the page numbers when
    // it opens the document (updateFields). Laying the pages out here to number them took seconds.
    features: { updateFields: true },
    sections,
  });
  const org = d.organisation.name[first] || d.organisation.name.en;
  const name = d.election.translations?.[first]?.name ?? d.election.name;
  return Packer.toBuffer(doc, false, [
    {
      path: 'docProps/core.xml',
      data: coreXml({
        title: `${R.title[first]} — ${name}`,
        subject: R.title[first],
        creator: org,
        language: tags[first],
        date: d.asOf,
        keywords: MARKING_LABELS[d.marking].en,
      }),
    },
    { path: 'docProps/app.xml', data: appXml(org) },
    { path: 'docProps/custom.xml', data: EMPTY_CUSTOM_XML },
  ]);
}
