// The app's keyboard shortcuts, each with modifier keys (WCAG 2.1.4: no single-character shortcut).

/** Alt+Shift+N (⌥⇧N on a Mac): record a new threat. `code` is used, so it works on every keyboard layout. */
export function isNewThreatShortcut(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';
}

/** How the shortcut is announced (aria-keyshortcuts). */
export const NEW_THREAT_KEYS = 'Alt+Shift+N';
