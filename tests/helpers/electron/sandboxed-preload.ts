// The preload as Electron runs it in a sandboxed renderer (sandbox: true, contextIsolation: true):
// compiled as the body of a function whose parameters are the only Node-like things it gets, in a
// context of its own. Electron's documentation (tutorial/sandbox.md, api/process.md "Sandbox") and its
// source (lib/sandboxed_renderer) list them:
//   require   only 'electron' (renderer modules), 'events', 'timers', 'url' (and their 'node:' names);
//             anything else throws "module not found"
//   process   an EventEmitter with a documented subset of properties; reading any other one throws here
//   Buffer, global, exports, module, setImmediate, clearImmediate
// The context also has what every web page's world has that the preload may use (console, timers,
// URL, TextEncoder…), and no `__filename`, `__dirname`, `fs` or other Node global. Touching anything
// else throws, so a preload that would fail in Electron fails here.
//
// `contextBridge.exposeInMainWorld` checks that what it is given can cross the bridge (functions,
// plain objects, arrays, primitives) and records it; `ipcRenderer.invoke` copies its arguments and
// the reply with the structured clone algorithm (as Electron's IPC does) and hands them to `invoke`.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import timers from 'node:timers';
import url from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface SandboxedPreload {
  /** What the preload exposed with contextBridge, by key (window.threshold is `exposed.get('threshold')`). */
  exposed: Map<string, unknown>;
  /** Delivers a message from main (webContents.send) to the preload's ipcRenderer listeners. */
  deliver(channel: string, ...args: unknown[]): void;
  /** Every module name the preload asked for. */
  required: string[];
}

export interface PreloadMain {
  /** ipcRenderer.invoke, as ipcMain.handle's listener receives it (arguments already cloned). */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
}

/** The properties of `process` in a sandboxed renderer (Electron's api/process.md, "Sandbox"). */
export const SANDBOX_PROCESS_KEYS = [
  'crash',
  'hang',
  'getCreationTime',
  'getHeapStatistics',
  'getBlinkMemoryInfo',
  'getProcessMemoryInfo',
  'getSystemMemoryInfo',
  'getSystemVersion',
  'getCPUUsage',
  'getIOCounters',
  'uptime',
  'argv',
  'execPath',
  'env',
  'pid',
  'arch',
  'platform',
  'sandboxed',
  'contextIsolated',
  'type',
  'version',
  'versions',
  'mas',
  'windowsStore',
  'contextId',
] as const;

/** The modules a sandboxed preload may require (Electron's tutorial/sandbox.md). */
export const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'] as const;

/** The renderer modules of `electron` in a sandboxed preload (lib/sandboxed_renderer/api/module-list). */
const RENDERER_MODULES = [
  'contextBridge',
  'crashReporter',
  'ipcRenderer',
  'nativeImage',
  'webFrame',
  'webUtils',
];

const clone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;

function sandboxProcess(): NodeJS.Process {
  const target = new EventEmitter() as unknown as Record<string, unknown>;
  const unavailable = () => {
    throw new Error('not available in this harness');
  };
  Object.assign(target, {
    argv: [],
    execPath: process.execPath,
    env: {},
    pid: 1,
    arch: process.arch,
    platform: process.platform,
    sandboxed: true,
    contextIsolated: true,
    type: 'renderer',
    version: process.version,
    versions: { ...process.versions, electron: '45.5.0', chrome: '142.0.0.0' },
    mas: undefined,
    windowsStore: undefined,
    contextId: 'harness',
    uptime: () => process.uptime(),
    getCreationTime: () => Date.now(),
    getSystemVersion: () => '0',
  });
  for (const key of SANDBOX_PROCESS_KEYS) if (!(key in target)) target[key] = unavailable;
  const emitterKeys = new Set(Object.getOwnPropertyNames(EventEmitter.prototype));
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || emitterKeys.has(key) || key in t) return Reflect.get(t, key, receiver);
      throw new Error(`process.${key} is not available in a sandboxed preload`);
    },
  }) as unknown as NodeJS.Process;
}

/** Values that contextBridge can carry: throws on anything else (class instances, symbols…). */
function assertBridgeable(value: unknown, where: string): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined', 'function'].includes(typeof value))
    return;
  if (typeof value !== 'object') throw new Error(`contextBridge cannot carry ${typeof value} at ${where}`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertBridgeable(v, `${where}[${i}]`));
  // A plain object of any realm (the preload's context has its own Object.prototype).
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    throw new Error(`contextBridge drops the prototype at ${where}`);
  for (const [k, v] of Object.entries(value)) assertBridgeable(v, `${where}.${k}`);
}

/** Runs the built preload file as Electron runs a sandboxed preload. */
export function runSandboxedPreload(file: string, main: PreloadMain): SandboxedPreload {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const ipcListeners = new EventEmitter();
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      if (typeof channel !== 'string') throw new Error('ipcRenderer.invoke needs a channel name');
      return main.invoke(channel, clone(args)).then(clone);
    },
    on(channel: string, listener: (...a: unknown[]) => void) {
      ipcListeners.on(channel, listener);
      return ipcRenderer;
    },
    once(channel: string, listener: (...a: unknown[]) => void) {
      ipcListeners.once(channel, listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...a: unknown[]) => void) {
      ipcListeners.removeListener(channel, listener);
      return ipcRenderer;
    },
    off(channel: string, listener: (...a: unknown[]) => void) {
      ipcListeners.off(channel, listener);
      return ipcRenderer;
    },
    removeAllListeners(channel?: string) {
      ipcListeners.removeAllListeners(channel);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (exposed.has(key))
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      assertBridgeable(api, key);
      exposed.set(key, api);
    },
  };
  const electron: Record<string, unknown> = { contextBridge, ipcRenderer };
  const electronModule = new Proxy(electron, {
    get(t, key) {
      if (typeof key === 'symbol' || key === '__esModule') return undefined;
      if (key in t) return t[key];
      if (RENDERER_MODULES.includes(key)) throw new Error(`electron.${key} is not faked by this harness`);
      // Main-process modules do not exist in a renderer.
      return undefined;
    },
  });
  const modules: Record<string, unknown> = { electron: electronModule, events: EventEmitter, timers, url };
  const preloadRequire = (name: string) => {
    required.push(name);
    const bare = name.startsWith('node:') && name !== 'node:electron' ? name.slice(5) : name;
    if (bare in modules) return modules[bare];
    throw new Error(`module not found: ${name}`);
  };

  // The page world's own globals that a preload may use; nothing of Node's.
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    AbortController,
    Event,
    EventTarget,
    atob,
    btoa,
  });
  vm.runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', context);
  const params = [
    'require',
    'process',
    'Buffer',
    'global',
    'setImmediate',
    'clearImmediate',
    'exports',
    'module',
  ];
  const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'), params, {
    parsingContext: context,
    filename: file,
  });
  const exports = {};
  fn(
    preloadRequire,
    sandboxProcess(),
    Buffer,
    vm.runInContext('globalThis', context),
    setImmediate,
    clearImmediate,
    exports,
    { exports },
  );
  return {
    exposed,
    required,
    deliver(channel, ...args) {
      ipcListeners.emit(channel, { sender: ipcRenderer }, ...clone(args));
    },
  };
}
