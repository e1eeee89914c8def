// Binds every channel of the contract to ipcMain through one guarded entry: messages from
// anything but the app's own windows, showing the app's own page, are refused. Each window has a
// session of its own (its web contents' id): who is signed in there is the host's to know.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { errorShape, type Result } from '../../shared/errors';
import type { Dispatch } from '../ipc/dispatcher';
import { isAppUrl } from './security';

export function isTrustedSender(
  event: IpcMainInvokeEvent,
  fromWebContents: (wc: IpcMainInvokeEvent['sender']) => BrowserWindow | null,
  windows: ReadonlySet<BrowserWindow>,
): boolean {
  const win = fromWebContents(event.sender);
  if (!win || !windows.has(win)) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function bindIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  fromWebContents: (wc: IpcMainInvokeEvent['sender']) => BrowserWindow | null,
  windows: ReadonlySet<BrowserWindow>,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, fromWebContents, windows)) {
        return { ok: false, error: errorShape('forbidden', { id: 'ipc/window-may-not-call' }) };
      }
      return dispatch(channel, payload, { session: `window:${event.sender.id}` });
    });
  }
}
