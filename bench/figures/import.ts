// importRatio: the app's own JSON import (parse, validation, columns, FTS, audit, one transaction)
// against a bare prepared INSERT of the same rows into the same tables.
import fs from 'node:fs';
import { toColumns, searchText } from '../../src/main/threats/columns';
import { importText } from '../../src/main/workspace/service';
import type { Figure } from '../figures';
import { now } from '../measure';
import { closeDatabase, contextFor, freshDb, servicesFor } from './db';

const RUNS = 3;

function bareInsert(file: string, ws: import('../../src/shared/domain/workspace').Workspace): number {
  const db = freshDb(file);
  // The baseline gets its rows ready-made: only the inserts are timed.
  const at = new Date().toISOString();
  // Levels too, as the app's import writes them (computed here, outside the timing).
  const score = servicesFor(contextFor(db, file)).levels.scorer();
  const rows = ws.threats.map((t) => ({ t, cols: { ...toColumns(t), ...score(t), at }, fts: searchText(t) }));
  const election = db.prepare(
    'INSERT INTO elections (id, doc, name, polling_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const threat = db.prepare(
    `INSERT INTO threats (id, election_id, title, purpose, type, target_kind, target_description, place_level, regions, channels, actor,
      actor_name, confidence, breakout, audience, trend, status, first_seen, last_seen, false_claim, context_flags, classification, level,
      version, last_change, changed_by, created_at, updated_at)
     VALUES (@id, @election_id, @title, @purpose, @type, @target_kind, @target_description, @place_level, @regions, @channels, @actor,
      @actor_name, @confidence, @breakout, @audience, @trend, @status, @first_seen, @last_seen, @false_claim, @context_flags, @classification,
      @level, 1, 'imported', NULL, @at, @at)`,
  );
  const doc = db.prepare('INSERT INTO threat_docs (rowid, doc) VALUES (?, ?)');
  const scoreRow = db.prepare('INSERT INTO threat_scores (threat_rowid, score) VALUES (?, ?)');
  const fts = db.prepare(
    'INSERT INTO threats_fts (rowid, title, summary, false_claim, facts, names, places, ' +
      'translations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const region = db.prepare('INSERT OR IGNORE INTO threat_regions (region, threat_rowid) VALUES (?, ?)');
  const channel = db.prepare('INSERT OR IGNORE INTO threat_channels (channel, threat_rowid) VALUES (?, ?)');
  const note = db.prepare(
    'INSERT INTO classified_notes (threat_rowid, seq, classification, text, extra) VALUES (?, ?, ?, ?, NULL)',
  );
  const t0 = now();
  db.transaction(() => {
    for (const e of ws.elections) election.run(e.id, JSON.stringify(e), e.name, e.pollingDay, at, at);
    for (const { t, cols, fts: text } of rows) {
      const rowid = Number(threat.run(cols).lastInsertRowid);
      doc.run(rowid, cols.doc);
      scoreRow.run(rowid, cols.score);
      fts.run(rowid, ...text);
      for (const r of t.place.regions ?? []) region.run(r, rowid);
      for (const c of t.place.channels ?? []) channel.run(c, rowid);
      (t.classifiedNotes ?? []).forEach((n, i) => note.run(rowid, i, n.classification, n.text));
    }
  })();
  const ms = now() - t0;
  closeDatabase(db);
  return ms;
}

function appImport(file: string, text: string, keep: boolean): number {
  const db = freshDb(file);
  const ctx = contextFor(db, file);
  // With the services as the app builds them: threats are scored as they are imported.
  const { levels } = servicesFor(ctx);
  const t0 = now();
  importText(ctx, levels, 'json', text, 'bench-workspace.json');
  const ms = now() - t0;
  closeDatabase(db);
  if (!keep) for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  return ms;
}

export const importRatio: Figure = {
  id: 'importRatio',
  what: "threats/s of the app's JSON import ÷ threats/s of a bare prepared INSERT of the same rows",
  goalText: '≥ 0.5',
  met: (v) => v >= 0.5,
  async measure(ctx) {
    const scratch = `${ctx.workDir}/scratch.db`;
    const app: number[] = [];
    const bare: number[] = [];
    // Warm-up of each, then alternate so that both see the same machine state.
    bareInsert(scratch, ctx.workspace);
    appImport(scratch, ctx.text, false);
    for (let i = 0; i < RUNS; i++) {
      bare.push(bareInsert(scratch, ctx.workspace));
      app.push(appImport(i === RUNS - 1 ? ctx.mainDb : scratch, ctx.text, i === RUNS - 1));
      ctx.progress(`  import run ${i + 1}: app ${app[i]!.toFixed(0)} ms, bare ${bare[i]!.toFixed(0)} ms`);
    }
    return app.map((ms, i) => bare[i]! / ms);
  },
};

/** The database the later figures read, when the import figure itself is not run (`--only`). */
export function buildMainDb(ctx: { mainDb: string; text: string }): void {
  appImport(ctx.mainDb, ctx.text, true);
}
