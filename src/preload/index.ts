// The preload exposes window.threshold, one function per channel of the contract, and nothing else.
// The renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type ThresholdApi } from '../shared/ipc/contract';
import type { Result } from '../shared/errors';
import { isMenuCommand, type MenuCommand } from '../shared/ipc/menu-commands';

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

contextBridge.exposeInMainWorld('threshold', { ...api, onMenuCommand });
