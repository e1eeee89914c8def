// Commands the application menu sends to the page (the renderer decides what each one does).
export const MENU_COMMANDS = [
  'new-threat',
  'find',
  'import',
  'export-json',
  'export-csv',
  'connect-team-server',
  'go-log',
  'go-dashboard',
  'go-partners',
  'go-policy',
  'go-audit',
  'go-settings',
  'go-elections',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(x: unknown): x is MenuCommand {
  return typeof x === 'string' && (MENU_COMMANDS as readonly string[]).includes(x);
}

/** The IPC event that carries live updates (src/shared/domain/live.ts) from main to every window. */
export const LIVE_CHANNEL = 'live:notice';
