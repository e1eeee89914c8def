// The preload exposes window.threshold, one function per channel of the contract, and nothing else.
// The renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type ThresholdApi } from '../shared/ipc/contract';
import type { Result } from '../shared/errors';

const api: ThresholdApi = createApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>);
contextBridge.exposeInMainWorld('threshold', api);
