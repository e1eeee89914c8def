// The desktop app's team servers, in its settings folder (team-servers.json): each origin with the
// certificate fingerprint pinned at the first connection. A file that does not parse is treated as empty
// (nothing is trusted), never as "trust anything".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FINGERPRINT_PATTERN, type PinnedServer } from './pinning';

const PinsFile = z.object({
  servers: z.array(
    z.object({
      origin: z.string().regex(/^https:\/\/[^/]+$/),
      fingerprint: z.string().regex(FINGERPRINT_PATTERN),
      pinnedAt: z.string(),
    }),
  ),
});

export const PINS_FILE_NAME = 'team-servers.json';

export class PinStore {
  constructor(private readonly file: string) {}

  read(): PinnedServer[] {
    try {
      return PinsFile.parse(JSON.parse(fs.readFileSync(this.file, 'utf8'))).servers;
    } catch {
      return [];
    }
  }

  /** Pins `fingerprint` for `origin` (replacing nothing: a changed certificate is refused, not re-pinned). */
  pin(origin: string, fingerprint: string, at: Date): PinnedServer {
    const servers = this.read();
    const existing = servers.find((s) => s.origin === origin);
    if (existing) return existing;
    const pinned = { origin, fingerprint, pinnedAt: at.toISOString() };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ servers: [...servers, pinned] }, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    return pinned;
  }
}
