// The identifying parts of a classified note: reference codes ("44-B", "T0089"), long numbers ("4127",
// "1.4"), proper nouns ("Varnian") and rare words ("exfiltration"). Any of them in a text that leaves the
// organisation points back to the note, even when none of its sentences is copied, unless the same token is
// also in the record's unclassified fields (then it is not the note that gives it away).
// Tokens are folded as everywhere else (case, accents, look-alike letters, invisible characters).
import commonEnglish from '@zxcvbn-ts/language-en/dist/commonWords.json.mjs';
import commonFrench from '@zxcvbn-ts/language-fr/dist/commonWords.json.mjs';
import { foldText, tokenize, type Token } from './normalize';

/** How many of each language's most frequent words count as common (subtitles corpora, most frequent first). */
const COMMON_EN = 30_000;
const COMMON_FR = 20_000;
/** Words of the drafts' own subject that are rarer in everyday speech but say nothing about a note. */
const SUBJECT_WORDS =
  'disinformation misinformation malinformation desinformation mesinformation cybersecurity cybersecurite ' +
  'plateformes plateforme scrutin postaux postal electorale electoral electeurs electrices electorat ' +
  'verificateurs usurpation hypertrucage inauthentique inauthentic impersonation deepfake robocalls ' +
  'subscriber abonnes anticipation depouillement circonscription circonscriptions';

let commonWords: Set<string> | undefined;
function isCommon(norm: string): boolean {
  commonWords ??= new Set([
    ...commonEnglish.slice(0, COMMON_EN).map(foldText),
    ...commonFrench.slice(0, COMMON_FR).map(foldText),
    ...SUBJECT_WORDS.split(' '),
  ]);
  return commonWords.has(norm);
}

export type TokenKind = 'code' | 'number' | 'proper-noun' | 'rare-word';

/** One word, or a code made of several joined by a single mark ("44-B", "2027-03-09", "1.4", "310,000"). */
export interface TextToken {
  /** Folded, marks removed: "44b". */
  key: string;
  start: number;
  end: number;
  kind: TokenKind | null;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** A year: part of so many dates that it identifies nothing. */
const YEAR = /^(19|20)\d\d$/;

function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start).trimEnd();
  return before === '' || /[.!?:;\n«“"(]$/.test(before);
}

/** The text's tokens, codes joined, each with what makes it distinctive (or null). */
export function textTokens(text: string, tokens: readonly Token[] = tokenize(text)): TextToken[] {
  const out: TextToken[] = [];
  // Join tokens separated by exactly one mark that is not a space ("44-B", "1.4", "T0089/2").
  const groups: Token[][] = [];
  for (const token of tokens) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    const gap = previous ? text.slice(previous.end, token.start) : ' ';
    if (group && gap.length === 1 && !/\s/.test(gap)) group.push(token);
    else groups.push([token]);
  }
  for (const parts of groups) {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) continue;
    const key = parts.map((p) => p.norm).join('');
    const start = first.start;
    const end = last.end;
    const hasDigit = DIGIT.test(key);
    const hasLetter = LETTER.test(key);
    let kind: TokenKind | null = null;
    if (hasDigit && (hasLetter || parts.length > 1)) kind = 'code';
    else if (hasDigit) kind = key.length >= 3 && !YEAR.test(key) ? 'number' : null;
    else if (key.length >= 3 && !isCommon(key)) {
      const original = text.slice(start, end);
      const capital = /^\p{Lu}/u.test(original);
      if (capital && !isSentenceStart(text, start)) kind = 'proper-noun';
      else if (key.length >= 6) kind = 'rare-word';
    }
    out.push({ key, start, end, kind });
  }
  return out;
}

export interface DistinctiveToken<C extends string> {
  /** The highest classification among the notes that hold it. */
  classification: C;
  kind: TokenKind;
}

/** Distinctive tokens of the notes, by key. */
export function distinctiveTokens<C extends string>(
  notes: readonly { text: string; classification: C }[],
  unclassified: readonly string[],
  rank: (c: C) => number,
): Map<string, DistinctiveToken<C>> {
  const known = new Set(unclassified.flatMap((t) => textTokens(t).map((k) => k.key)));
  const out = new Map<string, DistinctiveToken<C>>();
  for (const note of notes) {
    for (const token of textTokens(note.text)) {
      if (token.kind === null || known.has(token.key)) continue;
      const had = out.get(token.key);
      if (had === undefined || rank(note.classification) > rank(had.classification))
        out.set(token.key, { classification: note.classification, kind: token.kind });
    }
  }
  return out;
}
