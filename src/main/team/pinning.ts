// Trust on first use for team servers: the desktop app keeps, for each server it connected to, the
// SHA-256 fingerprint of the certificate it showed the person at the first connection, and accepts that
// server afterwards only with the same certificate. Pure functions: what the shell decides, testable
// without Electron.
import type { ErrorText } from '../../shared/errors';

/** A team server the app connected to, and the certificate it trusts there. */
export interface PinnedServer {
  /** https://host:port */
  origin: string;
  /** SHA-256 of the certificate (DER), colon-separated upper-case hex. */
  fingerprint: string;
  pinnedAt: string;
}

export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** The same fingerprint whatever the spacing or case it was typed or pasted in. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return Array.from({ length: 32 }, (_, i) => hex.slice(i * 2, i * 2 + 2)).join(':');
}

/** A team server's address as a person types it: https only, a host, an optional port, nothing else. */
export function normaliseServerUrl(
  input: string,
):
  | { ok: true; origin: string; hostname: string; port: number }
  | { ok: false; reason: 'invalid' | 'not-https' } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (
    !url.hostname ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  )
    return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    origin: url.origin,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 443),
  };
}

export type PinVerdict =
  /** Never connected: show the fingerprint to the person, who decides whether to trust it. */
  | { verdict: 'first-use'; presented: string }
  /** The certificate pinned at the first connection. */
  | { verdict: 'trusted'; presented: string }
  /** Another certificate than the one pinned: refused. */
  | { verdict: 'changed'; presented: string; pinned: string };

export function pinVerdict(pins: readonly PinnedServer[], origin: string, presented: string): PinVerdict {
  const pinned = pins.find((p) => p.origin === origin);
  if (!pinned) return { verdict: 'first-use', presented };
  return pinned.fingerprint === presented
    ? { verdict: 'trusted', presented }
    : { verdict: 'changed', presented, pinned: pinned.fingerprint };
}

/** What a changed certificate is refused with: said plainly, with both fingerprints. */
export function changedCertificateMessage(origin: string, pinned: string, presented: string): ErrorText {
  return { id: 'team/certificate-changed', params: { origin, pinned, presented } };
}

/**
 * The answer for Electron's certificate check in a team server's window (`setCertificateVerifyProc`):
 * 0 (accept) only for the pinned server's host with its pinned certificate; -2 (refuse) for anything
 * else, whatever Chromium's own verification says (a certificate authority does not override a pin).
 */
export function certificateCheck(
  pins: readonly PinnedServer[],
  hostname: string,
  presented: string,
): { result: 0 | -2; changed: PinnedServer | null } {
  const forHost = pins.filter((p) => normaliseServerUrl(p.origin).ok && hostOf(p.origin) === hostname);
  if (forHost.some((p) => p.fingerprint === presented)) return { result: 0, changed: null };
  return { result: -2, changed: forHost[0] ?? null };
}

function hostOf(origin: string): string {
  return new URL(origin).hostname.replace(/^\[|\]$/g, '');
}
