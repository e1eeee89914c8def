import type { Migration } from './types';

// The search index without invisible characters: a word with a zero-width space inside ("Tues\u200Bday")
// is indexed whole ("Tuesday"), as the app now writes it. Threats whose text holds such characters are
// indexed again from their documents. Self-contained: it reads the stored documents as they are at this
// version, and lists the characters itself.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const clean = (s: string) => s.replace(INVISIBLE, '');

interface Doc {
  id: string;
  title: string;
  summary: string;
  falseClaim?: string;
  facts?: string[];
  source?: { name?: string };
  target?: { description?: string };
  place?: { regions?: string[]; channels?: string[] };
  translations?: Record<string, { title?: string; summary?: string; falseClaim?: string; facts?: string[] }>;
}

function columns(d: Doc): string[] {
  const translations: string[] = [];
  for (const t of Object.values(d.translations ?? {})) {
    if (t.title) translations.push(t.title);
    if (t.summary) translations.push(t.summary);
    if (t.falseClaim) translations.push(t.falseClaim);
    for (const f of t.facts ?? []) translations.push(f);
  }
  return [
    d.title,
    d.summary,
    d.falseClaim ?? '',
    (d.facts ?? []).join('\n'),
    [d.id, d.source?.name ?? '', d.target?.description ?? ''].join('\n'),
    [...(d.place?.regions ?? []), ...(d.place?.channels ?? [])].join('\n'),
    translations.join('\n'),
  ].map(clean);
}

export const m0100SearchInvisible: Migration = {
  version: 100,
  name: 'search-invisible',
  up(db) {
    const rows = db
      .prepare(
        `SELECT t.rowid AS rowid, d.doc AS doc FROM threats t JOIN threat_docs d ON d.rowid = t.rowid
         WHERE t.deleted_at IS NULL`,
      )
      .all() as { rowid: number; doc: string }[];
    const remove = db.prepare('DELETE FROM threats_fts WHERE rowid = ?');
    const insert = db.prepare(
      `INSERT INTO threats_fts (rowid, title, summary, false_claim, facts, names, places, translations)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of rows) {
      INVISIBLE.lastIndex = 0;
      if (!INVISIBLE.test(row.doc)) continue;
      remove.run(row.rowid);
      insert.run(row.rowid, ...columns(JSON.parse(row.doc) as Doc));
    }
  },
};
