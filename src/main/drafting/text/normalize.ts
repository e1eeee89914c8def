// Words of a text, folded so that disguises do not hide a match: Unicode compatibility forms (NFKC/NFKD),
// case, accents, Latin look-alikes in Cyrillic and Greek, and invisible characters (zero-width, bidi controls,
// soft hyphens), which are dropped without splitting the word they sit in. Each word keeps its place in the
// original text, so that a check can point at it.
import { HOMOGLYPHS } from './homoglyphs';

export interface Token {
  /** The folded word: lower case, no accents, Latin letters for look-alikes. */
  norm: string;
  /** UTF-16 offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Format characters (zero-width spaces and joiners, bidi controls, soft hyphen, BOM), combining marks, and
 *  every other character Unicode says to render as nothing (Default_Ignorable_Code_Point: e.g. the Hangul
 *  fillers U+115F, U+1160, U+3164 and U+FFA0, which are letters, so would otherwise split a word). */
const INVISIBLE = /^[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]$/u;
const MARKS = /\p{M}/gu;

const foldCache = new Map<string, string>();

/** Folds one character (one code point) to the letters it should compare as; '' for invisible ones. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = '';
  const glyph = HOMOGLYPHS.get(ch);
  if (INVISIBLE.test(ch)) out = '';
  else if (glyph !== undefined) out = glyph;
  else {
    for (const c of ch.normalize('NFKD').replace(MARKS, '')) {
      const upper = HOMOGLYPHS.get(c);
      if (upper !== undefined) {
        out += upper;
        continue;
      }
      for (const l of c.toLowerCase()) out += HOMOGLYPHS.get(l) ?? l;
    }
  }
  if (foldCache.size < 50_000) foldCache.set(ch, out);
  return out;
}

/** The folded words of a text, with their places. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let norm = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    if (norm) tokens.push({ norm, start, end });
    norm = '';
    start = -1;
  };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const folded = foldChar(len === 1 ? text.charAt(i) : text.slice(i, i + len));
    if (folded === '') {
      // Invisible: neither part of a word nor a break between words.
      i += len;
      continue;
    }
    for (const c of folded) {
      if (WORD_CHAR.test(c)) {
        if (start < 0) start = i;
        norm += c;
        end = i + len;
      } else flush();
    }
    i += len;
  }
  flush();
  return tokens;
}

/** The folded words only, e.g. for building an index. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

/** A whole text folded to words joined by single spaces: for comparing short phrases. */
export function foldText(text: string): string {
  return words(text).join(' ');
}
