// Which fields differ between two versions of a threat (for the history view).
import type { Threat } from './workspace';

const NESTED = new Set(['target', 'time', 'place', 'source', 'reach']);

export function changedFields(older: Threat, newer: Threat): string[] {
  const keys = new Set([...Object.keys(older), ...Object.keys(newer)]);
  const changed: string[] = [];
  for (const key of [...keys].sort()) {
    const a = (older as Record<string, unknown>)[key];
    const b = (newer as Record<string, unknown>)[key];
    if (NESTED.has(key) && a && b && typeof a === 'object' && typeof b === 'object') {
      for (const sub of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (
          JSON.stringify((a as Record<string, unknown>)[sub]) !==
          JSON.stringify((b as Record<string, unknown>)[sub])
        )
          changed.push(`${key}.${sub}`);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      changed.push(key);
    }
  }
  return changed;
}
