// A fingerprint of everything a write could change, to prove that a refused write changed nothing.
// People signing in and out to look (the CLI signs in for every command) are recorded in the audit log;
// those entries, and the head that follows them, are left out: they are not what a refused write touched.
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
  const where: Record<string, string> = {
    audit_log: "WHERE action NOT LIKE 'session.%'",
    settings: "WHERE key <> 'audit.head'",
  };
  for (const table of tables) {
    hash.update(table);
    for (const row of db
      .prepare(`SELECT * FROM "${table}" ${where[table] ?? ''} ORDER BY 1, 2`)
      .raw()
      .iterate())
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
