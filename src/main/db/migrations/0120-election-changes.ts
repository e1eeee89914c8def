import type { Migration } from './types';

// Elections are optimistic like every other record: a save carries the version the person opened, and a
// stale one is refused naming who changed the election since. The version column was there from 0010;
// this adds who made the current version, for that refusal ("Dana Roy changed this election…").
export const m0120ElectionChanges: Migration = {
  version: 120,
  name: 'election-changes',
  up(db) {
    db.exec('ALTER TABLE elections ADD COLUMN changed_by TEXT;');
  },
};
