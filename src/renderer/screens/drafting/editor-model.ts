// The editor's pure helpers: the text being edited, what changed since the saved version, where a check points.
import type { Check, Draft, DraftLang, DraftSection } from '../../../shared/domain/drafting';
import type { SectionEdits } from '../../../shared/domain/drafting-records';

/** Section text by language and section id. */
export type Texts = Partial<Record<DraftLang, Record<string, string>>>;

export function textsOf(draft: Draft): Texts {
  const texts: Texts = {};
  for (const lang of draft.languages)
    texts[lang] = Object.fromEntries((draft.sections[lang] ?? []).map((s) => [s.id, s.text]));
  return texts;
}

/** The sections whose text differs from the saved draft, as the service takes them. */
export function editsOf(draft: Draft, texts: Texts): SectionEdits {
  const edits: SectionEdits = {};
  for (const lang of draft.languages) {
    const changed = (draft.sections[lang] ?? []).flatMap((s) => {
      const text = texts[lang]?.[s.id];
      return text !== undefined && text !== s.text ? [{ id: s.id, text }] : [];
    });
    if (changed.length) edits[lang] = changed;
  }
  return edits;
}

export function hasEdits(edits: SectionEdits): boolean {
  return Object.values(edits).some((list) => (list?.length ?? 0) > 0);
}

export function textareaId(lang: DraftLang, sectionId: string): string {
  return `draft-${lang}-${sectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Rows for a section's textarea: enough to show it whole, within reason. */
export function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 85)), 0);
  return Math.min(16, Math.max(2, lines + 1));
}

/** Occurrence number of each section among those of the same kind without a heading (for unique labels). */
export function kindNumbers(sections: readonly DraftSection[]): Map<string, number | null> {
  const counts = new Map<string, number>();
  for (const s of sections) if (!s.heading) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<string, number | null>();
  for (const s of sections) {
    if (s.heading || (counts.get(s.kind) ?? 0) < 2) {
      out.set(s.id, null);
      continue;
    }
    const n = (seen.get(s.kind) ?? 0) + 1;
    seen.set(s.kind, n);
    out.set(s.id, n);
  }
  return out;
}

/** A check's span, kept inside the text as it is now (the text may have changed since it was checked). */
export function clampSpan(check: Pick<Check, 'start' | 'end'>, text: string): { start: number; end: number } {
  const start = Math.min(check.start, text.length);
  return { start, end: Math.max(start, Math.min(check.end, text.length)) };
}
