import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { ElectionRepository } from '../../../src/main/elections/repository';
import { tempDir } from '../../helpers/db';
import { insertThreatAsV10 } from '../../helpers/legacy';
import { election, threat } from '../../fixtures/mini-workspace';

describe('migration 0060 (scoring columns)', () => {
  it('fills the context flags of threats recorded before it from their documents', () => {
    const file = path.join(tempDir(), 'v50.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 50) });
    new ElectionRepository(old).upsert(election, '2027-05-01T00:00:00Z');
    insertThreatAsV10(old, threat('T-plain'));
    insertThreatAsV10(old, threat('T-debunked', { context: { debunkedByPartner: true } }));
    insertThreatAsV10(old, threat('T-both', { context: { investigationSensitive: true, nationalSecurityImplications: true, debunkedByPartner: false } }));
    closeDatabase(old);
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 60) });
    const flags = Object.fromEntries(db.prepare('SELECT id, context_flags FROM threats').raw().all() as Array<[string, number]>);
    expect(flags).toEqual({ 'T-plain': 0, 'T-debunked': 1, 'T-both': 6 });
    closeDatabase(db);
  });
});
