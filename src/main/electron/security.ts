// Electron's security checklist, applied to every window and web contents of the app.
import type { App, Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://threshold';

export { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

// The window's web preferences are in window.ts, literally in the `new BrowserWindow` call.

/** Links the app may open in the user's browser: none but these documented public sites. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'https://www.disarm.foundation/',
  'https://oasis-open.github.io/cti-documentation/',
];

export function isAllowedExternal(url: string): boolean {
  try {
    // Judged on the parsed, normalised address: no credentials, https only, under an allowed prefix.
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      !u.username &&
      !u.password &&
      EXTERNAL_ALLOW_LIST.some((allowed) => u.href.startsWith(allowed))
    );
  } catch {
    return false;
  }
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** The team server a window shows (team-window.ts): its pages may navigate within that origin. */
const allowedOrigins = new WeakMap<WebContents, string>();

export function allowOrigin(contents: WebContents, origin: string): void {
  allowedOrigins.set(contents, origin);
}

function mayNavigate(contents: WebContents, url: string): boolean {
  const origin = allowedOrigins.get(contents);
  return isAppUrl(url) || (origin !== undefined && (url === origin || url.startsWith(`${origin}/`)));
}

/** Refuses navigation, new windows, <webview> and permission requests. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(contents, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    // No remote content: only the app's own protocol (and devtools) may load anything.
    const allowed =
      isAppUrl(details.url) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}

export function hardenApp(app: App, openExternal: (url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}
