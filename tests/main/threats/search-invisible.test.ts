// Zero-width and other invisible characters never hide a word from the search: a claim that shows
// "Vote on Tuesday" (with a zero-width space inside "Tuesday") is found by "Tuesday", and a search typed
// with one is read as the word it shows. Databases indexed before are indexed again (migration 0100).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import type { Db } from '../../../src/main/db/types';
import { ftsQuery } from '../../../src/main/threats/list-query';
import { ThreatStore } from '../../../src/main/threats/store';
import type { ThreatPage } from '../../../src/shared/domain/threat-log';
import { withoutInvisible } from '../../../src/shared/text/invisible';
import { openTestApp, steppingClock, tempDir } from '../../helpers/db';
import { election, threat } from '../../fixtures/mini-workspace';
import { insertElectionAsOf0010 } from '../../helpers/old-schema';

const ZWSP = '\u200B';
const disguised = threat('T-zw', {
  title: `Vote on Tues${ZWSP}day, texts say`,
  falseClaim: `Vo\u2060te on Tu\u00ADes\u200Dday`,
  facts: [`Polling day is Mon${'\uFEFF'}day.`],
});
const found = (page: ThreatPage) => page.rows.map((r) => r.id);
/** What the log's search finds in a database at an older schema (today's log also reads later tables). */
const searched = (db: Db, search: string) =>
  db
    .prepare(
      'SELECT t.id FROM threats t WHERE t.deleted_at IS NULL AND t.rowid IN ' +
        '(SELECT rowid FROM threats_fts WHERE threats_fts MATCH ?) ORDER BY t.rowid',
    )
    .pluck()
    .all(ftsQuery(search));

describe('search ignores invisible characters', () => {
  it('strips every one of them, and nothing else', () => {
    expect(withoutInvisible(`a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u00ADg\u202Eh\u2066i`)).toBe('abcdefghi');
    expect(withoutInvisible('élection – 9:30 ?')).toBe('élection – 9:30 ?');
  });

  it('finds a word written with a zero-width character, and reads a search typed with one', async () => {
    const app = await openTestApp({ clock: steppingClock() });
    await app.call('elections:save', { election });
    await app.call('threats:create', { threat: disguised });
    for (const search of ['Tuesday', 'tuesday', 'Monday', `Tues${ZWSP}day`, 'vote tuesday'])
      expect(found(await app.call<ThreatPage>('threats:list', { filter: { search } })), search).toEqual([
        'T-zw',
      ]);
    expect(found(await app.call<ThreatPage>('threats:list', { filter: { search: 'Tues' } }))).toEqual([
      'T-zw',
    ]);
  });

  it('indexes again the threats of a database written before (migration 0100)', () => {
    const file = path.join(tempDir(), 'v60.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 60) });
    insertElectionAsOf0010(old, election, '2027-05-01T00:00:00Z');
    const store = new ThreatStore(old);
    store.insert(disguised, { change: 'created', by: 'Ana', at: '2027-05-01T00:00:00Z' });
    store.insert(threat('T-plain'), { change: 'created', by: 'Ana', at: '2027-05-01T00:00:00Z' });
    // As the app indexed it then: the text as typed, the word cut in two.
    const rowid = old.prepare("SELECT rowid FROM threats WHERE id = 'T-zw'").pluck().get() as number;
    old.prepare('DELETE FROM threats_fts WHERE rowid = ?').run(rowid);
    old
      .prepare(
        'INSERT INTO threats_fts (rowid, title, summary, false_claim, facts, names, places, translations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(rowid, disguised.title, disguised.summary, disguised.falseClaim, '', 'T-zw', '', '');
    expect(searched(old, 'Tuesday')).toEqual([]);
    closeDatabase(old);

    const migrated = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 100) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(100);
    expect(searched(migrated, 'Tuesday')).toEqual(['T-zw']);
    // The other threats' entries are untouched and still found.
    expect(searched(migrated, 'T-plain')).toEqual(['T-plain']);
    closeDatabase(migrated);

    // And through today's log, once every later migration has run.
    const latest = openDatabase(file);
    const after = new ThreatStore(latest);
    const sort = { field: 'firstSeen', direction: 'desc' } as const;
    expect(found(after.list({ search: 'Tuesday' }, sort, 0, 10))).toEqual(['T-zw']);
    expect(found(after.list({ search: 'T-plain' }, sort, 0, 10))).toEqual(['T-plain']);
    closeDatabase(latest);
  });
});
