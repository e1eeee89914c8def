// Reading grade of a text, for the plain-language target (grade 8 for general content).
// English: Flesch-Kincaid grade level (Kincaid et al., 1975), tokenised with retext-english, syllables by
// `syllable`. French: Kandel & Moles (1958), the French adaptation of Flesch's reading ease,
// 207 − 1.015 × (words / sentences) − 73.6 × (syllables / word), mapped to a school grade with Flesch's own
// table (90–100: grade 5, 80–90: 6, 70–80: 7, 60–70: 8–9, 50–60: 10–12, 30–50: college, 0–30: graduate).
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextLatin from 'retext-latin';
import { syllable } from 'syllable';
import type { DraftLang } from '../../../shared/domain/drafting';
import { evictOldest } from '../../../shared/collections';
import { frenchSyllables } from './french-syllables';

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
}

const parsers = {
  en: unified().use(retextEnglish).freeze(),
  fr: unified().use(retextLatin).freeze(),
};

export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
}

function wordText(node: NlcstNode): string {
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(wordText).join('');
}

// Parsing is the slow part of the checks; on each edit only one paragraph changes, so the others are remembered.
const CACHE_SIZE = 500;
const cache = new Map<string, TextStats>();

/**
 * Sentences, words (those with a letter or digit) and syllables, as the parser splits them. A line that does
 * not end in punctuation (a list item, a contact line) counts as a sentence of its own.
 */
export function textStats(text: string, lang: DraftLang): TextStats {
  const key = `${lang}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const stats = countStats(
    plainTokens(text)
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => (/[.!?…:;]["”»’)]?$/.test(line) ? line : `${line}.`))
      .join('\n\n'),
    lang,
  );
  evictOldest(cache, CACHE_SIZE);
  cache.set(key, stats);
  return stats;
}

/**
 * Web addresses, email addresses and phone numbers are read out as a unit, not as long words: each counts as
 * one short word, so that giving people a way to check never makes a text look harder than it is.
 */
const ADDRESS =
  /\b(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/\S*)?\b|\S+@\S+\.\S+|\+?\d[\d\s().-]{5,}\d/gu;

export function plainTokens(text: string): string {
  return text.replace(ADDRESS, (m) => (/\d/.test(m) && !/[\p{L}]/u.test(m) ? '1' : 'site'));
}

function countStats(text: string, lang: DraftLang): TextStats {
  const tree = parsers[lang].parse(text) as unknown as NlcstNode;
  const count = lang === 'fr' ? frenchSyllables : (w: string) => Math.max(1, syllable(w));
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  const visit = (node: NlcstNode) => {
    if (node.type === 'SentenceNode') {
      let wordsHere = 0;
      for (const child of node.children ?? []) {
        if (child.type !== 'WordNode') continue;
        const w = wordText(child);
        if (!/[\p{L}\p{N}]/u.test(w)) continue;
        wordsHere++;
        syllables += /\p{L}/u.test(w) ? count(w) : 1;
      }
      if (wordsHere > 0) sentences++;
      words += wordsHere;
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { sentences, words, syllables };
}

/** Flesch's table, as points (reading ease, grade) joined by straight lines. */
const EASE_TO_GRADE: readonly (readonly [number, number])[] = [
  [100, 4],
  [90, 5],
  [80, 6],
  [70, 7],
  [60, 9],
  [50, 12],
  [30, 16],
  [0, 18],
];

export function easeToGrade(ease: number): number {
  let above: readonly [number, number] | undefined;
  for (const point of EASE_TO_GRADE) {
    const [e2, g2] = point;
    if (ease >= e2) {
      if (!above) return g2;
      const [e1, g1] = above;
      return g1 + ((e1 - ease) / (e1 - e2)) * (g2 - g1);
    }
    above = point;
  }
  return above?.[1] ?? 18;
}

/** Kandel & Moles reading ease of French text (higher is easier). */
export function kandelMoles(stats: TextStats): number {
  return 207 - 1.015 * (stats.words / stats.sentences) - 73.6 * (stats.syllables / stats.words);
}

export function fleschKincaidGrade(stats: TextStats): number {
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
}

/** School grade for counted text (rounded to one decimal); 0 for text without words. */
export function gradeFromStats(stats: TextStats, lang: DraftLang): number {
  if (stats.words === 0 || stats.sentences === 0) return 0;
  const grade = lang === 'fr' ? easeToGrade(kandelMoles(stats)) : fleschKincaidGrade(stats);
  return Math.round(Math.max(0, grade) * 10) / 10;
}

/** School grade needed to read the text (rounded to one decimal); 0 for text without words. */
export function readingGrade(text: string, lang: DraftLang): number {
  return gradeFromStats(textStats(text, lang), lang);
}
