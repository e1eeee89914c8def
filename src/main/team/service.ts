// The desktop app's side of a team server: check what certificate it presents against what is pinned,
// and connect (pinning it at the first connection, after the person saw and accepted it). The window
// itself is the shell's (a port): this service never imports Electron.
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { teamContract, TeamServerCheck } from '../../shared/ipc/team.contract';
import { PinStore } from './pins-store';
import { changedCertificateMessage, normaliseFingerprint, normaliseServerUrl, pinVerdict } from './pinning';
import { presentedFingerprint } from './probe';

/** The shell: opens a window on the team server, which accepts only the pinned certificate. */
export interface TeamWindowPort {
  open(origin: string): void;
}

export class TeamServers {
  constructor(
    private readonly store: PinStore,
    private readonly windows: TeamWindowPort,
    private readonly clock: () => Date = () => new Date(),
    private readonly probe: (hostname: string, port: number) => Promise<string> = presentedFingerprint,
  ) {}

  private parse(url: string) {
    const parsed = normaliseServerUrl(url);
    if (!parsed.ok)
      throw new AppError(
        'invalid-request',
        parsed.reason === 'not-https'
          ? { id: 'team/https-only' }
          : { id: 'team/not-a-server-address', params: { url } },
      );
    return parsed;
  }

  async check(url: string): Promise<TeamServerCheck> {
    const server = this.parse(url);
    const presented = await this.probe(server.hostname, server.port);
    const verdict = pinVerdict(this.store.read(), server.origin, presented);
    return {
      origin: server.origin,
      presented,
      verdict: verdict.verdict,
      pinned:
        verdict.verdict === 'first-use' ? null : verdict.verdict === 'changed' ? verdict.pinned : presented,
    };
  }

  async connect(url: string, accepted: string): Promise<{ origin: string; pinnedAt: string }> {
    const server = this.parse(url);
    const fingerprint = normaliseFingerprint(accepted);
    if (!fingerprint) throw new AppError('invalid-request', { id: 'team/fingerprint-not-sha-256' });
    // Checked again now: what the person accepted must be what the server presents, and what is pinned.
    const presented = await this.probe(server.hostname, server.port);
    const verdict = pinVerdict(this.store.read(), server.origin, presented);
    if (verdict.verdict === 'changed')
      throw new AppError(
        'certificate-changed',
        changedCertificateMessage(server.origin, verdict.pinned, presented),
      );
    if (presented !== fingerprint)
      throw new AppError('certificate-changed', {
        id: 'team/now-presents-another-certificate',
        params: { origin: server.origin, presented },
      });
    const pinned = this.store.pin(server.origin, fingerprint, this.clock());
    this.windows.open(server.origin);
    return { origin: server.origin, pinnedAt: pinned.pinnedAt };
  }

  handlers(): HandlersOf<typeof teamContract> {
    return {
      'team:check': ({ url }) => this.check(url),
      'team:connect': ({ url, fingerprint }) => this.connect(url, fingerprint),
    };
  }
}

/** Browser mode and the CLI: only the desktop app connects to a team server. */
export function teamUnsupported(): HandlersOf<typeof teamContract> {
  const refuse = () => {
    throw new AppError('unsupported', { id: 'team/only-desktop-app-connects' });
  };
  return { 'team:check': refuse, 'team:connect': refuse };
}
