// One CSV cell, safe for a spreadsheet and exact for a round trip.
// - Formula injection: a spreadsheet runs a cell as a formula (or a DDE command) when it begins with
//   =, +, - or @, and some do so after leading spaces or line breaks, or when it begins with a tab or a
//   carriage return. Such cells get a leading apostrophe (as OWASP advises); a cell that already begins
//   with an apostrophe gets one too, so that import removes exactly one and gives back the original.
// - Quoting (RFC 4180): every cell holding a carriage return, a line feed, a quote or the delimiter is
//   quoted. csv-stringify quotes only the record delimiter itself ("\r\n"), so a lone CR or LF would leave
//   the cell bare and cut the row in two for any reader.

const DELIMITER = ',';

/** A formula trigger first, or after leading whitespace (spaces, tabs, line breaks); or a tab, CR or LF first. */
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@])/u;

export function isFormulaLike(value: string): boolean {
  return FORMULA.test(value);
}

/** The cell as written: neutralised when a spreadsheet could run it, or when it begins with an apostrophe. */
export function neutraliseCell(value: string): string {
  return isFormulaLike(value) || value.startsWith("'") ? `'${value}` : value;
}

/** The cell as read back: one leading apostrophe removed (see neutraliseCell). */
export function restoreCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** Options for csv-stringify: every cell that holds a CR, an LF, a quote or the delimiter is quoted. */
export const CSV_WRITE_OPTIONS = {
  delimiter: DELIMITER,
  record_delimiter: '\r\n',
  quoted_match: /[\r\n",]/,
} as const;
