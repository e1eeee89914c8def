// The terminal shows text, never commands. Whatever a threat's fields hold (imported from anyone's
// file), what the CLI prints cannot move the cursor, recolour, retitle the window, overwrite earlier
// lines or reorder what is read: control characters are made visible, as git and less do — C0 in caret
// notation (ESC as ^[, CR as ^M), DEL as ^?, C1 and the invisible characters that reorder or hide text
// (bidi embeddings, overrides, isolates and marks, line and paragraph separators) as <U+XXXX>.
// JSON output stays exact: the same characters are written as \u escapes, which read back as they were.

/* eslint-disable no-control-regex -- finding control characters is what these are for */
/** C0 controls but line feed and tab, DEL, C1 controls; bidi controls and marks; U+2028 and U+2029. */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** The same, and line feed and tab: for text that must stay on one line (a table's cell). */
const UNSAFE_IN_LINE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/* eslint-enable no-control-regex */

function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text as the terminal should show it: line breaks and tabs kept (the output's own layout). */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, shown);
}

/** One line of text (a cell): line breaks and tabs shown too. */
export function visibleLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, shown);
}

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON, exact, with every character a terminal could act on written as a \u escape. */
export function terminalJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

/** JSON text made safe to show and still exact: such characters can only stand inside its strings,
 *  where a \u escape reads back as the same character. */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE, escaped);
}
