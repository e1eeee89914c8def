// Connecting the desktop app to a team server (`threshold serve`) instead of its local file: what
// certificate the server presents (shown to the person at the first connection, trust on first use),
// and connecting, which pins it. Only the desktop app connects; browser mode and the CLI: unsupported.
import { z } from 'zod';
import { returns } from './define';

const ServerUrl = z.string().trim().min(1).max(2000);

export interface TeamServerCheck {
  /** https://host:port */
  origin: string;
  /** The SHA-256 fingerprint of the certificate the server presents now. */
  presented: string;
  /** first-use: never connected (the person decides); trusted: the pinned certificate; changed: refused. */
  verdict: 'first-use' | 'trusted' | 'changed';
  /** The fingerprint pinned at the first connection, if any. */
  pinned: string | null;
}

export const teamContract = {
  /** The certificate a team server presents, against the one pinned for it. Sends nothing to the server. */
  'team:check': {
    request: z.strictObject({ url: ServerUrl }),
    response: returns<TeamServerCheck>(),
  },
  /** Connects to the server in a window of its own, pinning `fingerprint` (the one the person was shown
   *  and accepted) at the first connection; refused if the server presents another one, or if a
   *  different one is pinned already. */
  'team:connect': {
    request: z.strictObject({ url: ServerUrl, fingerprint: z.string().trim().min(1).max(200) }),
    response: returns<{ origin: string; pinnedAt: string }>(),
  },
} as const;
