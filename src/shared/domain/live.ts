// What every open window is told when the database changes: which parts changed, with ids (never
// content), so that each window refetches what it shows. Sent over Server-Sent Events (browser mode, the
// team server) and over IPC (the desktop app), checked on arrival by isLiveNotice.
import { z } from 'zod';

export const LIVE_TOPICS = [
  'threats',
  'assessment',
  'drafting',
  'policy',
  'partners',
  'elections',
  'outcomes',
  'organisation',
  'accounts',
] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

const Topic = z.enum(LIVE_TOPICS);
const Name = z.string().max(200).nullable();

export const LiveNoticeSchema = z.discriminatedUnion('kind', [
  /** Records changed: by a request of this server (`by` the account) or by another program (`by` null). */
  z.strictObject({
    kind: z.literal('changed'),
    topics: z.array(Topic).max(LIVE_TOPICS.length),
    ids: z.array(z.string().max(200)).max(200),
    by: Name,
  }),
  /** The database is being replaced by a backup: windows say so and wait. */
  z.strictObject({ kind: z.literal('offline'), by: Name }),
  /** The database is back (restored from `from`, or not, if the restore failed): everything refetches. */
  z.strictObject({ kind: z.literal('online'), by: Name, from: z.string().max(500).nullable() }),
]);
export type LiveNotice = z.infer<typeof LiveNoticeSchema>;

export function isLiveNotice(x: unknown): x is LiveNotice {
  return LiveNoticeSchema.safeParse(x).success;
}

/** The parts of the app a write on a channel changes (what windows refetch after it). */
export function topicsOfChannel(channel: string): LiveTopic[] {
  const domain = channel.slice(0, channel.indexOf(':'));
  switch (domain) {
    case 'threats':
    case 'workspace':
    case 'stix':
      return ['threats'];
    case 'assessment':
      return ['assessment', 'threats'];
    case 'drafting':
      return ['drafting'];
    case 'policy':
      // A new policy re-scores the log.
      return ['policy', 'threats'];
    case 'partners':
      return ['partners'];
    case 'elections':
      return ['elections', 'threats'];
    case 'outcomes':
      return ['outcomes'];
    case 'profile':
      return ['organisation'];
    case 'accounts':
      return ['accounts'];
    default:
      return [];
  }
}
