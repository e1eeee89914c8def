// The log's columns: what each shows, how it sorts, and its width to start with (people resize them, and
// choose which to show; see log-prefs). Widths are in pixels at the default text size.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { SortField, ThreatRow } from '../../../shared/domain/threat-log';
import { LevelBadge } from '../../components/LevelBadge';
import { formatDateAndTimeShort, formatDateTime, formatNumber } from '../../format';
import { rowTitle } from '../../components/row-title';

export interface LogColumn {
  id: string;
  sort?: SortField;
  /** Starting width, px. */
  width: number;
  minWidth: number;
  /** Shown until the person hides it. */
  shown: boolean;
  /** The title cannot be hidden: it names the row. */
  fixed?: boolean;
  render(row: ThreatRow, t: TFunction, lang: string): ReactNode;
}

function DateTimeCell({ iso }: { iso: string | null | undefined }) {
  const [date, time] = formatDateAndTimeShort(iso);
  return (
    <span title={formatDateTime(iso)}>
      <span className="nowrap">{date}</span> <span className="nowrap">{time}</span>
    </span>
  );
}

const enumCell = (ns: string, value: string | null) => (t: TFunction) =>
  value ? t(`enums:${ns}.${value}`) : '—';

export const LOG_COLUMNS: readonly LogColumn[] = [
  {
    id: 'firstSeen',
    sort: 'firstSeen',
    width: 136,
    minWidth: 90,
    shown: true,
    render: (r) => <DateTimeCell iso={r.firstSeen} />,
  },
  {
    id: 'title',
    sort: 'title',
    width: 340,
    minWidth: 180,
    shown: true,
    fixed: true,
    render: (r, t, lang) => {
      const title = rowTitle(r, lang);
      return (
        <span className="cell__title-wrap">
          {r.classification ? (
            <span
              className={`marker marker--classified marker--${r.classification.toLowerCase().replace(' ', '-')}`}
            >
              {t(`enums:classification.${r.classification}`)}
            </span>
          ) : null}
          {/* Two lines at most on screen; the whole title is the cell's text (read by screen readers) and
              its tooltip. Record text is isolated so that its direction never turns the app's text around. */}
          <bdi className="cell__title" title={title.text} lang={title.lang}>
            {title.text}
          </bdi>
        </span>
      );
    },
  },
  {
    id: 'level',
    sort: 'level',
    width: 132,
    minWidth: 90,
    shown: true,
    render: (r) => <LevelBadge level={r.level} />,
  },
  {
    id: 'purpose',
    sort: 'purpose',
    width: 150,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('purpose', r.purpose)(t),
  },
  {
    id: 'type',
    sort: 'type',
    width: 140,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('type', r.type)(t),
  },
  {
    id: 'targetKind',
    sort: 'targetKind',
    width: 140,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('targetKind', r.targetKind)(t),
  },
  {
    id: 'actor',
    sort: 'actor',
    width: 120,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('actor', r.actor)(t),
  },
  {
    id: 'confidence',
    sort: 'confidence',
    width: 116,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('confidence', r.confidence)(t),
  },
  {
    id: 'breakout',
    sort: 'breakout',
    width: 96,
    minWidth: 70,
    shown: true,
    render: (r, t) => (
      <span className={`breakout breakout--${r.breakout}`} title={t(`enums:breakout.${r.breakout}`)}>
        {r.breakout}
      </span>
    ),
  },
  {
    id: 'status',
    sort: 'status',
    width: 112,
    minWidth: 80,
    shown: true,
    render: (r, t) => enumCell('status', r.status)(t),
  },
  { id: 'id', width: 110, minWidth: 70, shown: false, render: (r) => <bdi>{r.id}</bdi> },
  {
    id: 'placeLevel',
    width: 120,
    minWidth: 80,
    shown: false,
    render: (r, t) => enumCell('placeLevel', r.placeLevel)(t),
  },
  { id: 'trend', width: 110, minWidth: 80, shown: false, render: (r, t) => enumCell('trend', r.trend)(t) },
  {
    id: 'audience',
    sort: 'audience',
    width: 120,
    minWidth: 80,
    shown: false,
    render: (r) => formatNumber(r.audience),
  },
  {
    id: 'lastSeen',
    sort: 'lastSeen',
    width: 136,
    minWidth: 90,
    shown: false,
    render: (r) => (r.lastSeen ? <DateTimeCell iso={r.lastSeen} /> : '—'),
  },
];

/** With a threat open beside the log, these columns make way for the title (the panel shows the rest). */
export const BESIDE_PANEL = new Set(['firstSeen', 'title', 'level', 'breakout']);
