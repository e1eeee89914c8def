// Plain-text output helpers for the CLI. Every cell is one line of visible text (terminal-text.ts).
import { terminalJson, visibleLine } from './terminal-text';

export function table(headers: string[], cells: string[][], maxWidths: number[] = []): string {
  const rows = cells.map((r) => r.map(visibleLine));
  const widths = headers.map((h, i) =>
    Math.min(maxWidths[i] ?? 60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => cut(c, widths[i] ?? c.length))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** JSON, exact; characters a terminal could act on are \u escapes (terminal-text.ts). */
export function json(value: unknown): string {
  return terminalJson(value);
}
