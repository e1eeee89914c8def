// The renderer's one door to the services: window.threshold from the preload in Electron,
// or the same API over HTTP in browser mode (signed in by its session cookie).
import { createApi, type ThresholdApi } from '../../shared/ipc/contract';
import type { AppErrorShape, Result } from '../../shared/errors';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    threshold?: ThresholdApi & { onMenuCommand?(listener: (command: MenuCommand) => void): () => void };
  }
}

function httpApi(): ThresholdApi {
  // Signed in by the session cookie (HttpOnly, SameSite=Strict) the server set when this browser
  // signed in: nothing secret is kept in the page.
  return createApi(async (channel, request) => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(request),
      });
      if (!response.ok) return { ok: false, error: { code: 'forbidden', message: await response.text() } };
      return (await response.json()) as Result<unknown>;
    } catch (err) {
      return {
        ok: false,
        error: { code: 'internal', message: `Threshold is not answering: ${(err as Error).message}` },
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

/** An error from the services, carried to the UI as data. */
export class ServiceError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

/** Unwraps a result envelope: the value, or a ServiceError to show. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new ServiceError(result.error);
  return result.value;
}
