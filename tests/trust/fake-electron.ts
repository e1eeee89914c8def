// A small fake of the `electron` module, for the shell's own glue: Electron's binary cannot run on
// these machines (DESIGN.md), and this is the only place in the tests where a fake is used. It records
// what the shell asks of Electron, in order (`calls.log`), so the tests can assert on it; everything
// beneath the shell is real. Like Electron, it refuses what may only be done before the app is ready
// (registering schemes, enabling the sandbox) once it is, and what needs a ready app (windows, the
// protocol handler, the session, screens, dialogs, the key store) before it is.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  /** Where webContents.send delivers (the renderer side of a harness), besides recording it. */
  onSend: ((channel: string, payload: unknown) => void) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
    this.onSend?.(channel, payload);
  }
}

export interface FakeElectronOptions {
  /** Whether the app starts ready (default true: for tests of parts that run after `ready`). */
  ready?: boolean;
  /** When not ready: whenReady() makes it ready on its own, a turn later (default true). */
  autoReady?: boolean;
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  let ready = options.ready ?? true;
  const readyWaiters: (() => void)[] = [];
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const calls = {
    enableSandbox: 0,
    registeredSchemes: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Record<string, unknown>[],
    fileDialogs: [] as { kind: 'open' | 'save'; options: unknown }[],
    openedExternal: [] as string[],
    clipboard: '' as string,
    exposed: new Map<string, unknown>(),
    invoked: [] as [string, unknown][],
    exitCode: null as number | null,
    /** Every call into the fake that the start-up order depends on, in order. */
    log: [] as string[],
    menu: null as unknown,
    /** What the next open and save dialogs answer: a file path, or null for "cancelled". */
    openDialogAnswers: [] as (string | null)[],
    saveDialogAnswers: [] as (string | null)[],
  };
  const record = (name: string) => calls.log.push(name);
  /** For APIs Electron allows only once the app is ready. */
  const afterReady = (name: string) => {
    record(name);
    if (!ready) throw new Error(`fake electron: ${name} was called before the app was ready`);
  };
  /** For APIs Electron allows only before the app is ready. */
  const beforeReady = (name: string) => {
    record(name);
    if (ready) throw new Error(`fake electron: ${name} must be called before the app is ready`);
  };
  const becomeReady = () => {
    if (ready) return;
    ready = true;
    record('ready');
    app.emit('ready');
    for (const resolve of readyWaiters.splice(0)) resolve();
  };
  /** What the next message boxes answer (button index); 0 when the queue is empty. */
  const messageBoxAnswers: number[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    constructor(options: Record<string, unknown>) {
      super();
      afterReady('new BrowserWindow');
      this.options = options;
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      record('loadURL');
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      record('BrowserWindow.show');
    }
    focus() {
      record('BrowserWindow.focus');
    }
    restore() {
      record('BrowserWindow.restore');
    }
    maximize() {
      record('BrowserWindow.maximize');
    }
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
      beforeReady('app.enableSandbox');
      calls.enableSandbox++;
    }
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return true;
    }
    isReady() {
      return ready;
    }
    whenReady() {
      record('app.whenReady');
      if (ready) return Promise.resolve();
      const waiting = new Promise<void>((resolve) => readyWaiters.push(resolve));
      if (options.autoReady ?? true) setImmediate(becomeReady);
      return waiting;
    }
    /** The moment Electron would emit `ready` (for harnesses that start not ready, without autoReady). */
    becomeReady() {
      becomeReady();
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
    quit() {
      record('app.quit');
    }
    exit(code: number) {
      record('app.exit');
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

  // Electron 45's safeStorage: the synchronous calls are deprecated there, so here they throw.
  const deprecated = (name: string) => () => {
    throw new Error(`fake electron: safeStorage.${name} is deprecated; use the asynchronous call`);
  };
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: deprecated('isEncryptionAvailable'),
    encryptString: deprecated('encryptString'),
    decryptString: deprecated('decryptString'),
    isAsyncEncryptionAvailable: () => {
      afterReady('safeStorage.isAsyncEncryptionAvailable');
      return Promise.resolve(safeStorage.available);
    },
    getSelectedStorageBackend: () => (ready ? safeStorage.backend : 'unknown'),
    encryptStringAsync: (s: string) => {
      afterReady('safeStorage.encryptStringAsync');
      return Promise.resolve(Buffer.from(`FAKE-OS:${Buffer.from(s).toString('base64')}`));
    },
    decryptStringAsync: (b: Buffer) => {
      afterReady('safeStorage.decryptStringAsync');
      const text = b.toString();
      if (!text.startsWith('FAKE-OS:')) return Promise.reject(new Error('cannot decrypt'));
      return Promise.resolve({
        result: Buffer.from(text.slice(8), 'base64').toString(),
        shouldReEncrypt: false,
      });
    },
  };

  const defaultSession = {
    setPermissionRequestHandler(h: typeof permissionHandlers.request) {
      record('session.setPermissionRequestHandler');
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
        record('session.webRequest.onBeforeRequest');
        permissionHandlers.beforeRequest = h;
      },
    },
  };

  /** Sessions of their own (`session.fromPartition`): what the shell set on each, to call in tests. */
  interface VerifyRequest {
    hostname: string;
    certificate: { data: string };
  }
  class FakePartitionSession {
    verifyProc: ((request: VerifyRequest, callback: (result: number) => void) => void) | null = null;
    permissionRequest: typeof permissionHandlers.request = null;
    permissionCheck: typeof permissionHandlers.check = null;
    beforeRequest: typeof permissionHandlers.beforeRequest = null;
    setCertificateVerifyProc(proc: FakePartitionSession['verifyProc']) {
      this.verifyProc = proc;
    }
    setPermissionRequestHandler(h: typeof permissionHandlers.request) {
      this.permissionRequest = h;
    }
    setPermissionCheckHandler(h: typeof permissionHandlers.check) {
      this.permissionCheck = h;
    }
    webRequest = {
      onBeforeRequest: (h: typeof permissionHandlers.beforeRequest) => {
        this.beforeRequest = h;
      },
    };
  }
  const partitions = new Map<string, FakePartitionSession>();

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, listener: Listener) {
        record(`ipcMain.handle ${channel}`);
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler(channel: string) {
        ipcHandlers.delete(channel);
      },
      on(channel: string) {
        throw new Error(
          `fake electron: Threshold answers only invoke(); ipcMain.on(${channel}) is not expected`,
        );
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown[]) {
        beforeReady('protocol.registerSchemesAsPrivileged');
        calls.registeredSchemes.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        afterReady('protocol.handle');
        calls.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      get defaultSession() {
        afterReady('session.defaultSession');
        return defaultSession;
      },
      fromPartition(partition: string) {
        afterReady('session.fromPartition');
        const existing = partitions.get(partition) ?? new FakePartitionSession();
        partitions.set(partition, existing);
        return existing;
      },
    },
    shell: {
      openExternal(url: string) {
        calls.openedExternal.push(url);
        return Promise.resolve();
      },
    },
    dialog: {
      // The one dialog Electron allows before `ready`.
      showErrorBox(title: string, content: string) {
        record('dialog.showErrorBox');
        calls.errorBoxes.push({ title, content });
      },
      showMessageBox(...args: unknown[]) {
        afterReady('dialog.showMessageBox');
        const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
        calls.messageBoxes.push(options);
        return Promise.resolve({ response: messageBoxAnswers.shift() ?? 0, checkboxChecked: false });
      },
      showMessageBoxSync(...args: unknown[]) {
        afterReady('dialog.showMessageBoxSync');
        const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
        calls.messageBoxes.push(options);
        return messageBoxAnswers.shift() ?? 0;
      },
      showSaveDialog(...args: unknown[]) {
        afterReady('dialog.showSaveDialog');
        calls.fileDialogs.push({ kind: 'save', options: args.length > 1 ? args[1] : args[0] });
        const filePath = calls.saveDialogAnswers.shift() ?? null;
        return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' });
      },
      showOpenDialog(...args: unknown[]) {
        afterReady('dialog.showOpenDialog');
        calls.fileDialogs.push({ kind: 'open', options: args.length > 1 ? args[1] : args[0] });
        const filePath = calls.openDialogAnswers.shift() ?? null;
        return Promise.resolve(
          filePath ? { canceled: false, filePaths: [filePath] } : { canceled: true, filePaths: [] },
        );
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu(menu: { template: unknown } | null) {
        record('Menu.setApplicationMenu');
        calls.menu = menu?.template ?? null;
      },
    },
    screen: {
      getAllDisplays: () => {
        afterReady('screen.getAllDisplays');
        return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
      },
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
    partitions,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
