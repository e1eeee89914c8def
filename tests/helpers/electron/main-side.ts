// The main process's side of the renderer seam, with the shell's real code: the IPC binding of
// src/main/electron/ipc.ts (its one guarded entry and its sender check) over a real dispatcher, on a
// fake `electron` whose window is the app's own. `invoke` is what a renderer's ipcRenderer.invoke
// reaches; `window.webContents.send` reaches the preload once `connect` has joined the two.
import { bindIpc } from '../../../src/main/electron/ipc';
import type { Dispatch } from '../../../src/main/ipc/dispatcher';
import { createFakeElectron } from '../../trust/fake-electron';
import { runSandboxedPreload, type SandboxedPreload } from './sandboxed-preload';

export interface MainSide {
  electron: ReturnType<typeof createFakeElectron>;
  window: InstanceType<ReturnType<typeof createFakeElectron>['FakeBrowserWindow']>;
  /** The frame that sends (what Electron reports as event.senderFrame); tests may point it elsewhere. */
  frame: { url: string; parent: null };
  invoke(channel: string, args: unknown[]): Promise<unknown>;
}

export function createMainSide(dispatch: Dispatch, frameUrl = 'app://threshold/index.html'): MainSide {
  const electron = createFakeElectron();
  const window = new electron.FakeBrowserWindow({});
  bindIpc(
    electron.module.ipcMain as never,
    dispatch,
    (wc) => electron.FakeBrowserWindow.fromWebContents(wc) as never,
    new Set([window]) as never,
  );
  const frame = { url: frameUrl, parent: null };
  return {
    electron,
    window,
    frame,
    invoke(channel, args) {
      const handler = electron.ipcHandlers.get(channel);
      // What Electron answers for a channel nobody handles.
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return Promise.resolve(handler({ sender: window.webContents, senderFrame: frame }, ...args));
    },
  };
}

/** The built preload in its sandbox, talking to the main side through IPC both ways. */
export function connectPreload(preloadFile: string, main: MainSide): SandboxedPreload {
  const preload = runSandboxedPreload(preloadFile, main);
  main.window.webContents.onSend = (channel, payload) => preload.deliver(channel, payload);
  return preload;
}
