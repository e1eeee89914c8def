// The renderer's one door to the services: window.threshold from the preload in Electron,
// or the same API over HTTP in browser mode (signed in by its session cookie).
import i18next from 'i18next';
import { createApi, type ThresholdApi } from '../../shared/ipc/contract';
import { errorText } from '../../shared/i18n/error-text';
import { errorShape, type AppErrorShape, type ConflictDetails, type Result } from '../../shared/errors';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { isLiveNotice, LIVE_TOPICS, type LiveNotice } from '../../shared/domain/live';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    threshold?: ThresholdApi & {
      onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
      onLiveUpdate?(listener: (notice: LiveNotice) => void): () => void;
    };
  }
}

/** The session's CSRF token, from the cookie the server set beside the session's (readable by this
 *  site's pages only); the server refuses every write without it. */
function csrfToken(): string {
  const match = /(?:^|;\s*)threshold_csrf=([^;]*)/.exec(document.cookie);
  return match?.[1] ?? '';
}

function httpApi(): ThresholdApi {
  // Signed in by the session cookie (HttpOnly, SameSite=Strict) the server set when this browser
  // signed in: nothing secret is kept in the page but the CSRF token.
  return createApi(async (channel, request) => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Threshold-CSRF': csrfToken() },
        credentials: 'same-origin',
        body: JSON.stringify(request),
      });
      if (!response.ok)
        return {
          ok: false,
          error: errorShape('forbidden', {
            id: 'renderer/refused-by-server',
            params: { reason: await response.text() },
          }),
        };
      return (await response.json()) as Result<unknown>;
    } catch (err) {
      return {
        ok: false,
        error: errorShape('internal', {
          id: 'renderer/not-answering',
          params: { reason: (err as Error).message },
        }),
      };
    }
  });
}

export const api: ThresholdApi = window.threshold ?? httpApi();
export const isBrowserMode = window.threshold === undefined;

/** Subscribes to the desktop menu's commands (no-op in browser mode). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.threshold?.onMenuCommand?.(listener) ?? (() => undefined);
}

/** The path of browser mode's live-update stream (src/main/browser/live-updates.ts). */
const LIVE_PATH = '/live';

/**
 * Subscribes to live updates: the desktop app's IPC event (through the preload), or browser mode's
 * Server-Sent Events stream, signed in by the session cookie. EventSource reconnects by itself; after a
 * reconnection everything is refetched, since notices may have been missed meanwhile.
 */
export function onLiveUpdate(listener: (notice: LiveNotice) => void): () => void {
  if (window.threshold) return window.threshold.onLiveUpdate?.(listener) ?? (() => undefined);
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(LIVE_PATH, { withCredentials: true });
  let lost = false;
  source.onmessage = (event: MessageEvent<string>) => {
    let notice: unknown;
    try {
      notice = JSON.parse(event.data);
    } catch {
      return;
    }
    if (isLiveNotice(notice)) listener(notice);
  };
  source.onerror = () => {
    lost = true;
  };
  source.onopen = () => {
    if (!lost) return;
    lost = false;
    listener({ kind: 'changed', topics: [...LIVE_TOPICS], ids: [], by: null });
  };
  return () => source.close();
}

/** What a service's refusal says, in the interface language (its sentence from the errors catalog). */
export function serviceErrorText(shape: AppErrorShape): string {
  return errorText(i18next.t.bind(i18next), shape);
}

/** An error from the services, carried to the UI as data; its message is in the interface language. */
export class ServiceError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(serviceErrorText(shape));
  }
}

/** The conflict a refused save carries ("X changed this while you were editing"), if that is why it was
 *  refused: the editors then show both versions side by side. */
export function conflictOf(err: unknown): ConflictDetails | null {
  return err instanceof ServiceError && err.shape.code === 'conflict' ? (err.shape.conflict ?? null) : null;
}

/** The errors that say this window's session is gone or locked: the shell shows the sign-in or the lock
 *  screen over whatever is on screen (unsaved work stays where it is). */
export const SESSION_ERRORS = ['session-locked', 'not-signed-in', 'needs-setup'] as const;
export type SessionError = (typeof SESSION_ERRORS)[number];
let sessionListener: ((code: SessionError) => void) | null = null;

/** Tells the shell when a call finds the session locked or ended (one listener: the session gate). */
export function onSessionError(listener: ((code: SessionError) => void) | null): void {
  sessionListener = listener;
}

/** Unwraps a result envelope: the value, or a ServiceError to show. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) {
    const code = result.error.code;
    if ((SESSION_ERRORS as readonly string[]).includes(code)) sessionListener?.(code as SessionError);
    throw new ServiceError(result.error);
  }
  return result.value;
}
