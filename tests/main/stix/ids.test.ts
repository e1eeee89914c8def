// STIX ids: migration 0110's table, random version 4 ids kept once given, partners' ids adopted on import
// (only version 4 ones, never twice), and a read-only database that still gives the same ids every time.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { buildBundle } from '../../../src/main/stix/build-bundle';
import { StixIdStore, UUID4_ID } from '../../../src/main/stix/ids';
import { ThreatStore } from '../../../src/main/threats/store';
import { tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { validateBundle } from './validator';
import { insertElectionAsOf0010 } from '../../helpers/old-schema';

const AT = '2027-05-01T00:00:00.000Z';

describe('migration 0110 (stix ids)', () => {
  it('adds the stix_ids table to a database at 0090, keeping its threats', () => {
    const file = path.join(tempDir(), 'v90.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
    insertElectionAsOf0010(old, election, AT);
    new ThreatStore(old).insert(threat('T-1'), { change: 'created', by: null, at: AT });
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'stix_ids'").pluck().get()).toBe(0);
    closeDatabase(old);

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 110) });
    expect(db.pragma('user_version', { simple: true })).toBe(110);
    expect(db.prepare('SELECT id FROM threats').pluck().all()).toEqual(['T-1']);
    const ids = new StixIdStore(db, AT);
    const id = ids.id('incident', 'T-1');
    db.transaction(() => ids.save())();
    expect(db.prepare('SELECT stix_id, created_at FROM stix_ids').all()).toEqual([
      { stix_id: id, created_at: AT },
    ]);
    closeDatabase(db);
  });
});

describe('StixIdStore', () => {
  function freshDb() {
    const file = path.join(tempDir(), 'ids.db');
    return { file, db: openDatabase(file) };
  }

  it('gives a random version 4 id once, and the same id ever after', () => {
    const { db } = freshDb();
    const first = new StixIdStore(db, AT);
    const a = first.id('incident', 'T-1');
    expect(a).toMatch(UUID4_ID);
    expect(first.id('incident', 'T-1')).toBe(a);
    expect(first.id('incident', 'T-2')).not.toBe(a);
    expect(first.id('note', 'T-1')).toMatch(/^note--/);
    // Not kept until saved: another store (another export) that did not see the save gives another id.
    expect(new StixIdStore(db, AT).id('incident', 'T-1')).not.toBe(a);
    expect(db.transaction(() => first.save())()).toBe(3);
    const later = new StixIdStore(db, '2027-06-01T00:00:00.000Z');
    expect(later.id('incident', 'T-1')).toBe(a);
    expect(later.since('incident', 'T-1')).toBe(AT);
    expect(later.keyOf(a)).toEqual({ type: 'incident', key: 'T-1' });
  });

  it("adopts a partner's version 4 id for a thing without one, never a taken id or another version", () => {
    const { db } = freshDb();
    const ids = new StixIdStore(db, AT);
    const partner = 'incident--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(ids.adopt('incident', 'stix-1', partner)).toBe(true);
    expect(ids.id('incident', 'stix-1')).toBe(partner);
    // The same id for something else, an id of version 5, another type's prefix: refused.
    expect(ids.adopt('incident', 'stix-2', partner)).toBe(false);
    expect(ids.adopt('incident', 'stix-3', 'incident--2ed6657d-e927-568b-95e1-2665a8aea6a2')).toBe(false);
    expect(ids.adopt('note', 'stix-4', partner)).toBe(false);
    // A thing that already has an id keeps it.
    const own = ids.id('incident', 'T-9');
    expect(ids.adopt('incident', 'T-9', 'incident--1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toBe(false);
    expect(ids.id('incident', 'T-9')).toBe(own);
    db.transaction(() => ids.save())();
    expect(new StixIdStore(db, AT).adopt('incident', 'stix-5', partner)).toBe(false);
  });

  it('in a read-only database, keeps nothing and still gives the same bundle for the same state', () => {
    const { file, db } = freshDb();
    const kept = new StixIdStore(db, AT);
    const keptId = kept.id('incident', 'T-1');
    db.transaction(() => kept.save())();
    closeDatabase(db);

    const readOnly = openDatabase(file, { readonly: true });
    const rows = [1, 2].map((n) => ({
      threat: threat(`T-${n}`, { relatedIds: [], disarmTechniques: ['T0099'] }),
      createdAt: AT,
      updatedAt: AT,
      level: 'monitor' as const,
      score: 20,
    }));
    const build = () =>
      buildBundle(rows, { tlp: 'amber', region: 'northern-america', ids: new StixIdStore(readOnly, AT) });
    const one = build();
    expect(JSON.stringify(build())).toBe(JSON.stringify(one));
    expect(one.objects.find((o) => o.type === 'incident' && o.id === keptId)).toBeDefined();
    expect(new StixIdStore(readOnly, AT).save()).toBe(0);
    expect(validateBundle(one)).toEqual([]);
    closeDatabase(readOnly);
  });
});
