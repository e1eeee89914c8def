// `threshold outcome add|list`: what became of a threat after the response, from a terminal.
import type { Trend } from '../../shared/domain/enums';
import { MEDIA_PICKUP, PLATFORM_ACTIONS, type PlatformAction } from '../../shared/domain/outcomes';
import { choice, type Command, type CommandRun, JSON_OPTION, text } from '../command';
import { unwrap } from '../session';
import { EXIT, UsageError } from '../io';
import { json, table } from '../format';

const USAGE = [
  'threshold outcome add <threat-id> --breakout N --trend rising|steady|declining [--date YYYY-MM-DD]',
  '         [--audience N] [--spreading yes|no] [--platform-action labelled|reduced|removed|none]...',
  '         [--media none|some|wide] [--partner-feedback TEXT] [--note TEXT]',
  '       threshold outcome list <threat-id> [--json]',
].join('\n');

/** The words people say for a trend, and the contract's own. */
const TREND_WORDS: Record<string, Trend> = {
  rising: 'growing',
  growing: 'growing',
  steady: 'stable',
  stable: 'stable',
  declining: 'declining',
};
const TREND_SAID: Record<Trend, string> = { growing: 'rising', stable: 'steady', declining: 'declining' };

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  return Number(value);
}

function platformActions(values: CommandRun['values']): PlatformAction[] | undefined {
  const raw = values['platform-action'];
  const given = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).flatMap((v) =>
    v.split(','),
  );
  for (const a of given)
    if (!(PLATFORM_ACTIONS as readonly string[]).includes(a))
      throw new UsageError(`--platform-action must be one of ${PLATFORM_ACTIONS.join(', ')} (got "${a}")`);
  return given.length ? (given as PlatformAction[]) : undefined;
}

function spreading(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new UsageError(`--spreading must be yes or no (got "${value}")`);
}

export const outcomeCommand: Command = {
  name: 'outcome',
  summary: 'Outcome observations after a response: record one, list a threat’s',
  usage: USAGE,
  options: {
    ...JSON_OPTION,
    breakout: { type: 'string' },
    trend: { type: 'string' },
    date: { type: 'string' },
    audience: { type: 'string' },
    spreading: { type: 'string' },
    'platform-action': { type: 'string', multiple: true },
    media: { type: 'string' },
    'partner-feedback': { type: 'string' },
    note: { type: 'string' },
  },
  async run({ positionals, values, io, session }) {
    const [sub, id, ...extra] = positionals;
    if (!id || extra.length)
      throw new UsageError(`outcome ${sub ?? ''} takes exactly one threat id\nUsage: ${USAGE}`);
    const s = await session();
    switch (sub) {
      case 'add': {
        const breakout = wholeNumber(text(values, 'breakout'), 'breakout');
        if (breakout === undefined) throw new UsageError('outcome add needs --breakout N (1 to 6)');
        const trendWord = text(values, 'trend');
        const trend = trendWord === undefined ? undefined : TREND_WORDS[trendWord];
        if (!trend)
          throw new UsageError(
            `outcome add needs --trend rising|steady|declining${trendWord ? ` (got "${trendWord}")` : ''}`,
          );
        const audience = wholeNumber(text(values, 'audience'), 'audience');
        const still = spreading(text(values, 'spreading'));
        const actions = platformActions(values);
        const media = choice(values, 'media', MEDIA_PICKUP);
        const feedback = text(values, 'partner-feedback');
        const note = text(values, 'note');
        const detail = await unwrap(
          s.api.outcomes.add({
            threatId: id,
            outcome: {
              date: text(values, 'date') ?? s.ctx.clock().toISOString().slice(0, 10),
              reach: { breakout, trend, ...(audience !== undefined ? { estimatedAudience: audience } : {}) },
              ...(still !== undefined ? { stillSpreading: still } : {}),
              ...(actions ? { platformActions: actions } : {}),
              ...(media ? { mediaPickup: media } : {}),
              ...(feedback ? { partnerFeedback: feedback } : {}),
              ...(note ? { note } : {}),
            },
          }),
        );
        const o = detail.outcome;
        io.out(
          `Recorded ${o.id} on ${id}: ${o.date}, Breakout ${o.reach.breakout}, ${TREND_SAID[o.reach.trend]}.`,
        );
        return EXIT.ok;
      }
      case 'list': {
        const list = await unwrap(s.api.outcomes.list({ threatId: id }));
        if (values.json) {
          io.out(
            json(list.map((d) => ({ ...d.outcome, version: d.meta.version, changedBy: d.meta.changedBy }))),
          );
          return EXIT.ok;
        }
        if (!list.length) {
          io.out(`No outcome recorded for ${id}.`);
          return EXIT.ok;
        }
        io.out(
          table(
            ['DATE', 'BREAKOUT', 'AUDIENCE', 'TREND', 'SPREADING', 'PLATFORMS', 'NOTE'],
            list.map(({ outcome: o }) => [
              o.date,
              String(o.reach.breakout),
              o.reach.estimatedAudience?.toLocaleString('en') ?? '—',
              TREND_SAID[o.reach.trend],
              o.stillSpreading === undefined ? '—' : o.stillSpreading ? 'yes' : 'no',
              o.platformActions?.join(', ') ?? '—',
              o.note ?? '',
            ]),
            [10, 8, 12, 9, 9, 24, 60],
          ),
        );
        io.out(`${list.length} observation${list.length === 1 ? '' : 's'}`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown outcome subcommand "${sub}"\nUsage: ${USAGE}`);
    }
  },
};
