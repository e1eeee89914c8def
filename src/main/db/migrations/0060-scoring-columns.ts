import type { Migration } from './types';

// The context flags the policy reads (debunked by a partner, investigation-sensitive, national
// security) as a column, so that scoring the whole log reads plain columns and parses no JSON.
export const m0060ScoringColumns: Migration = {
  version: 60,
  name: 'scoring-columns',
  up(db) {
    db.exec(`
      ALTER TABLE threats ADD COLUMN context_flags INTEGER NOT NULL DEFAULT 0;
      UPDATE threats SET context_flags =
          (CASE WHEN json_extract(doc, '$.context.debunkedByPartner') = 1 THEN 1 ELSE 0 END)
        | (CASE WHEN json_extract(doc, '$.context.investigationSensitive') = 1 THEN 2 ELSE 0 END)
        | (CASE WHEN json_extract(doc, '$.context.nationalSecurityImplications') = 1 THEN 4 ELSE 0 END)
      WHERE json_extract(doc, '$.context') IS NOT NULL;
    `);
  },
};
