// A fingerprint of everything a write could change, to prove that a refused write changed nothing.
import { createHash } from 'node:crypto';
import type { Db } from '../../src/main/db/connection';

export function databaseFingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
        "AND name NOT LIKE '%fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  hash.update(
    JSON.stringify(
      db
        .prepare(
          "SELECT rowid FROM threats_fts WHERE threats_fts MATCH 'a* OR e* OR i* OR o* OR t*' ORDER BY rowid",
        )
        .pluck()
        .all(),
    ),
  );
  return hash.digest('hex');
}
