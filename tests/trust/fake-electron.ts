// A small fake of the `electron` module, for the shell's own glue: Electron's binary cannot run on
// these machines (DESIGN.md), and this is the only place in the tests where a fake is used. It records
// what the shell asks of Electron so the tests can assert on it; everything beneath the shell is real.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const calls = {
    enableSandbox: 0,
    registeredSchemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Record<string, unknown>[],
    openedExternal: [] as string[],
    clipboard: '' as string,
    exposed: new Map<string, unknown>(),
    invoked: [] as [string, unknown][],
    exitCode: null as number | null,
  };
  /** What the next message boxes answer (button index); 0 when the queue is empty. */
  const messageBoxAnswers: number[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    static fromWebContents(wc: unknown) {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
    static getFocusedWindow() {
      return windows[0] ?? null;
    }
    static getAllWindows() {
      return windows;
    }
  }

  class FakeApp extends EventEmitter {
    isPackaged = true;
    paths: Record<string, string> = {};
    appPath = process.cwd();
    enableSandbox() {
      calls.enableSandbox++;
    }
    requestSingleInstanceLock() {
      return true;
    }
    whenReady() {
      return Promise.resolve();
    }
    getPath(name: string) {
      const p = this.paths[name];
      if (!p) throw new Error(`fake electron: no path ${name}`);
      return p;
    }
    getAppPath() {
      return this.appPath;
    }
    getVersion() {
      return '0.0.0-test';
    }
    quit() {}
    exit(code: number) {
      calls.exitCode = code;
    }
  }
  const app = new FakeApp();

  const permissionHandlers = {
    request: null as
      | null
      | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    check: null as null | ((...args: unknown[]) => boolean),
    device: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as
      null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  };

  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: () => safeStorage.available,
    getSelectedStorageBackend: () => safeStorage.backend,
    encryptString: (s: string) => Buffer.from(`FAKE-OS:${Buffer.from(s).toString('base64')}`),
    decryptString: (b: Buffer) => {
      const text = b.toString();
      if (!text.startsWith('FAKE-OS:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(8), 'base64').toString();
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, listener: Listener) {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler(channel: string) {
        ipcHandlers.delete(channel);
      },
      on() {},
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown[]) {
        calls.registeredSchemes.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        calls.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(h: typeof permissionHandlers.request) {
          permissionHandlers.request = h;
        },
        setPermissionCheckHandler(h: typeof permissionHandlers.check) {
          permissionHandlers.check = h;
        },
        setDevicePermissionHandler(h: typeof permissionHandlers.device) {
          permissionHandlers.device = h;
        },
        webRequest: {
          onBeforeRequest(h: typeof permissionHandlers.beforeRequest) {
            permissionHandlers.beforeRequest = h;
          },
        },
      },
    },
    shell: {
      openExternal(url: string) {
        calls.openedExternal.push(url);
        return Promise.resolve();
      },
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        calls.errorBoxes.push({ title, content });
      },
      showMessageBox(...args: unknown[]) {
        const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
        calls.messageBoxes.push(options);
        return Promise.resolve({ response: messageBoxAnswers.shift() ?? 0, checkboxChecked: false });
      },
      showMessageBoxSync(...args: unknown[]) {
        const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
        calls.messageBoxes.push(options);
        return messageBoxAnswers.shift() ?? 0;
      },
      showSaveDialog() {
        return Promise.resolve({ canceled: true });
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu() {},
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    safeStorage,
    clipboard: {
      writeText(text: string) {
        calls.clipboard = text;
      },
      readText() {
        return calls.clipboard;
      },
      clear() {
        calls.clipboard = '';
      },
    },
    contextBridge: {
      exposeInMainWorld(name: string, value: unknown) {
        if (calls.exposed.has(name)) throw new Error(`exposed twice: ${name}`);
        calls.exposed.set(name, value);
      },
    },
    ipcRenderer: {
      invoke(channel: string, payload: unknown) {
        calls.invoked.push([channel, payload]);
        return Promise.resolve({ ok: true, value: null });
      },
      listeners: new Map<string, Listener[]>(),
      on(channel: string, listener: Listener) {
        const list = module.ipcRenderer.listeners.get(channel) ?? [];
        list.push(listener);
        module.ipcRenderer.listeners.set(channel, list);
      },
      removeListener(channel: string, listener: Listener) {
        module.ipcRenderer.listeners.set(
          channel,
          (module.ipcRenderer.listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      },
    },
  };

  return {
    module,
    app,
    windows,
    ipcHandlers,
    calls,
    permissionHandlers,
    safeStorage,
    messageBoxAnswers,
    FakeBrowserWindow,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
