// The application menu: the usual items and shortcuts, and the app's own commands.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

export interface MenuActions {
  send(command: MenuCommand): void;
  about(): void;
  isMac: boolean;
  devTools: boolean;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.send(command),
    ...(accelerator ? { accelerator } : {}),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (actions.isMac) {
    template.push({
      label: 'Threshold',
      submenu: [
        { label: 'About Threshold', click: actions.about },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        cmd('Record a Threat', 'new-threat', 'CmdOrCtrl+N'),
        { type: 'separator' },
        cmd('Import…', 'import', 'CmdOrCtrl+O'),
        cmd('Export Workspace (JSON)…', 'export-json', 'CmdOrCtrl+E'),
        cmd('Export Threats (CSV)…', 'export-csv', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        cmd('Connect to a Team Server…', 'connect-team-server'),
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        cmd('Find in Log', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        cmd('Threat Log', 'go-log', 'CmdOrCtrl+1'),
        cmd('Dashboard', 'go-dashboard', 'CmdOrCtrl+2'),
        cmd('Partners', 'go-partners', 'CmdOrCtrl+3'),
        cmd('Intervention Policy', 'go-policy', 'CmdOrCtrl+4'),
        cmd('Elections', 'go-elections', 'CmdOrCtrl+5'),
        cmd('Audit Log', 'go-audit', 'CmdOrCtrl+6'),
        cmd('Settings', 'go-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.devTools
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'toggleDevTools' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: '&Window',
      submenu: [
        { role: 'minimize' },
        ...(actions.isMac
          ? ([{ role: 'zoom' }, { role: 'front' }] as MenuItemConstructorOptions[])
          : [{ role: 'close' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: actions.isMac ? [] : [{ label: 'About Threshold', click: actions.about }],
    },
  );
  return template;
}

export function aboutText(info: {
  version: string;
  electron: string;
  chrome: string;
  node: string;
  dbPath: string;
  schemaVersion: number;
}): string {
  return [
    `Threshold ${info.version}`,
    '',
    `Database: ${info.dbPath}`,
    `Database schema version: ${info.schemaVersion}`,
    '',
    `Electron ${info.electron} · Chromium ${info.chrome} · Node.js ${info.node}`,
  ].join('\n');
}
