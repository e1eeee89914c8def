// The shell's windows, all made by createSecureWindow: its web preferences are written out once, in the
// constructor call, so that they can be read at a glance and by Electronegativity (which reads options
// only where they are literally given to `new BrowserWindow`): isolation, sandbox, no Node, web security
// on, no <webview>, no middle-click ("auxclick") opening windows. A window may add only its preload and
// its session's partition; nothing can loosen the rest.
import { BrowserWindow } from 'electron';

/** Where the window goes and what it shows in the task bar: everything but its web preferences. */
export interface WindowFrame {
  x?: number;
  y?: number;
  width: number;
  height: number;
  icon?: string;
}

/** What differs between the shell's windows: the frame and title, and what the page is given. */
export interface SecureWindowOptions extends WindowFrame {
  title: string;
  /** The preload script (the app's window only; a team server's page gets none). */
  preload?: string;
  /** The session the page runs in (a team server's own, apart from the app's). */
  partition?: string;
}

/** The one place a window of the shell is made, with the secure web preferences. */
export function createSecureWindow({ preload, partition, ...frame }: SecureWindowOptions): BrowserWindow {
  return new BrowserWindow({
    minWidth: 960,
    minHeight: 600,
    ...frame,
    show: false,
    webPreferences: {
      preload,
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
}

/** The app's window: the app's page with its preload (the typed API and nothing else). */
export function createAppWindow(
  preload: string,
  frame: WindowFrame = { width: 1440, height: 900 },
): BrowserWindow {
  return createSecureWindow({ ...frame, title: 'Threshold', preload });
}
