// Text that XML (and so Word) can carry: characters XML 1.0 forbids are removed, and so are invisible
// characters that could make a document read differently from what reviewers saw (bidi overrides,
// zero-width characters).
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const C1_CONTROLS = /[\u0080-\u009F]/g;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function xmlSafe(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(C1_CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '');
}
