// A window on a team server: the server's own page (its HTTP transport, its session cookie), with no
// preload (it gets no door to this computer's services), in a session of its own whose certificate
// check accepts only the certificate pinned at the first connection — a changed one is refused with a
// message, whatever certificate authority signed it.
import { dialog, session, type Session } from 'electron';
import { createHash, X509Certificate } from 'node:crypto';
import type { PinStore } from '../team/pins-store';
import { englishErrorText } from '../../shared/i18n/error-text';
import { certificateCheck, changedCertificateMessage } from '../team/pinning';
import type { TeamWindowPort } from '../team/service';
import { allowOrigin } from './security';
import { createSecureWindow } from './window';

/** Electron's certificate as its SHA-256 fingerprint, in the form the server prints. */
export function fingerprintOfPem(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

/** The team session's guards: the pinned certificate only, nothing loaded from elsewhere, no permissions. */
export function hardenTeamSession(
  ses: Session,
  origin: string,
  pins: PinStore,
  refused: (message: string) => void,
): void {
  ses.setCertificateVerifyProc((request, callback) => {
    const presented = fingerprintOfPem(request.certificate.data) ?? '';
    const decision = certificateCheck(pins.read(), request.hostname, presented);
    if (decision.result !== 0 && decision.changed) {
      const text = changedCertificateMessage(
        decision.changed.origin,
        decision.changed.fingerprint,
        presented,
      );
      refused(englishErrorText(text.id, text.params));
    }
    callback(decision.result);
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url === origin ||
      details.url.startsWith(`${origin}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}

export function teamWindowPort(pins: PinStore, icon?: string): TeamWindowPort {
  return {
    open(origin) {
      const partition = `persist:team-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}`;
      const ses = session.fromPartition(partition);
      let told = false;
      const win = createSecureWindow({
        width: 1440,
        height: 900,
        title: `Threshold — ${origin}`,
        ...(icon ? { icon } : {}),
        partition,
      });
      hardenTeamSession(ses, origin, pins, (message) => {
        if (told) return;
        told = true;
        void dialog.showMessageBox(win, {
          type: 'error',
          title: 'Certificate changed',
          message: 'Threshold refused to connect: the team server’s certificate has changed.',
          detail: message,
          buttons: ['OK'],
        });
      });
      allowOrigin(win.webContents, origin);
      win.once('ready-to-show', () => win.show());
      void win.loadURL(`${origin}/`);
    },
  };
}
