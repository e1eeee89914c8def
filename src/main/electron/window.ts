// The app's one window. Its web preferences are written out here, in the constructor call, so that
// they can be read at a glance and by Electronegativity (which reads options only where they are
// literally given to `new BrowserWindow`): isolation, sandbox, no Node, web security on, no
// <webview>, no middle-click ("auxclick") opening windows.
import { BrowserWindow } from 'electron';

/** Where the window goes and what it shows in the task bar: everything but its web preferences. */
export interface WindowFrame {
  x?: number;
  y?: number;
  width: number;
  height: number;
  icon?: string;
}

export function createAppWindow(
  preload: string,
  frame: WindowFrame = { width: 1440, height: 900 },
): BrowserWindow {
  return new BrowserWindow({
    ...frame,
    minWidth: 960,
    minHeight: 600,
    title: 'Threshold',
    show: false,
    webPreferences: {
      preload,
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
