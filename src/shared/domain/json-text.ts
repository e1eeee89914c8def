// Reading the text of a JSON file: a byte-order mark is allowed, and a STIX bundle is told from a workspace.

/** JSON.parse of a file's text, a leading byte-order mark skipped; throws what JSON.parse throws. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Whether parsed JSON is a STIX bundle (`"type": "bundle"`) rather than a workspace. */
export function isStixBundle(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { type?: unknown }).type === 'bundle'
  );
}
