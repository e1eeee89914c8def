// The preload exposes window.threshold, one function per channel of the contract, and nothing else.
// The renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type ThresholdApi } from '../shared/ipc/contract';
import type { Result } from '../shared/errors';
import { isMenuCommand, LIVE_CHANNEL, type MenuCommand } from '../shared/ipc/menu-commands';
import { isLiveNotice, type LiveNotice } from '../shared/domain/live';

const api: ThresholdApi = createApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
);

/** Menu commands from the main process; only known command names reach the page. */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const handler = (_event: unknown, command: unknown) => {
    if (isMenuCommand(command)) listener(command);
  };
  ipcRenderer.on('menu:command', handler);
  return () => ipcRenderer.removeListener('menu:command', handler);
}

/** Live updates from the main process: what changed (ids, never content); anything else is dropped. */
function onLiveUpdate(listener: (notice: LiveNotice) => void): () => void {
  const handler = (_event: unknown, notice: unknown) => {
    if (isLiveNotice(notice)) listener(notice);
  };
  ipcRenderer.on(LIVE_CHANNEL, handler);
  return () => ipcRenderer.removeListener(LIVE_CHANNEL, handler);
}

contextBridge.exposeInMainWorld('threshold', { ...api, onMenuCommand, onLiveUpdate });
