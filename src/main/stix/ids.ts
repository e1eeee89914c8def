// STIX identifiers: random version 4 UUIDs (OASIS's best practice for SDOs, SROs and bundles), kept in
// the stix_ids table so that exporting the same thing again gives the same id. An id is looked up by
// what Threshold calls the thing (its type and a key: a threat's id, "threat-id|facts|fr" for a note…).
// New ids wait in memory until `save()`, which the caller runs in the transaction of the export or
// import, so that a bundle never names an id the database did not keep.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/types';

/** Where a bundle's builder gets its ids. */
export interface StixIds {
  /** The id of the thing of this type with this key: the kept one, else a new random one. */
  id(type: string, key: string): string;
  /** When the id was first given (a kept row's time, or now for a new one). */
  since(type: string, key: string): string;
}

/** A `type--<uuid>` id whose UUID is version 4 (random), as the validator's uuid-check wants. */
export const UUID4_ID =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const newId = (type: string) => `${type}--${randomUUID()}`;

/** A version 4 UUID made from a name rather than at random: for a database that cannot keep a new id
 *  (opened read-only), so that the same database still gives the same bundle. */
export function derivedId(type: string, key: string): string {
  const b = createHash('sha256').update(`threshold-stix|${type}|${key}`).digest().subarray(0, 16);
  b[6] = (b.readUInt8(6) & 0x0f) | 0x40;
  b[8] = (b.readUInt8(8) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Ids for a bundle that is built once and never again (no database): new random ids, consistent within it. */
export function oneOffIds(now: string = new Date().toISOString()): StixIds {
  const made = new Map<string, string>();
  return {
    id(type, key) {
      const k = `${type}\u0000${key}`;
      let id = made.get(k);
      if (!id) made.set(k, (id = newId(type)));
      return id;
    },
    since: () => now,
  };
}

interface Row {
  stix_id: string;
  created_at: string;
}

/** Ids kept in the database (table stix_ids). */
export class StixIdStore implements StixIds {
  private readonly pending = new Map<string, { type: string; key: string; id: string }>();
  /** The same, by id (an adopted id must stand for one thing only). */
  private readonly pendingIds = new Set<string>();
  private readonly byKey: Database.Statement<[string, string], Row>;
  private readonly byId: Database.Statement<[string], { type: string; key: string }>;

  constructor(
    private readonly db: Db,
    private readonly now: string,
  ) {
    this.byKey = db.prepare('SELECT stix_id, created_at FROM stix_ids WHERE type = ? AND key = ?');
    this.byId = db.prepare('SELECT type, key FROM stix_ids WHERE stix_id = ?');
  }

  id(type: string, key: string): string {
    const k = `${type}\u0000${key}`;
    const waiting = this.pending.get(k);
    if (waiting) return waiting.id;
    const kept = this.byKey.get(type, key);
    if (kept) return kept.stix_id;
    // A read-only database keeps nothing: a name-made id, the same on every export of the same state.
    const id = this.db.readonly ? derivedId(type, key) : newId(type);
    this.pending.set(k, { type, key, id });
    this.pendingIds.add(id);
    return id;
  }

  since(type: string, key: string): string {
    return this.byKey.get(type, key)?.created_at ?? this.now;
  }

  /** The thing a kept id stands for, if any. */
  keyOf(stixId: string): { type: string; key: string } | undefined {
    if (this.pendingIds.has(stixId))
      for (const p of this.pending.values()) if (p.id === stixId) return { type: p.type, key: p.key };
    return this.byId.get(stixId);
  }

  /**
   * Keeps a partner's id for a thing that has none yet (on import), so that a re-export names it as the
   * partner does. Only version 4 ids (others would be replaced on export anyway), and never an id that
   * already stands for something else. Returns whether it was kept.
   */
  adopt(type: string, key: string, stixId: string): boolean {
    if (!UUID4_ID.test(stixId) || !stixId.startsWith(`${type}--`)) return false;
    const k = `${type}\u0000${key}`;
    if (
      this.pending.has(k) ||
      this.byKey.get(type, key) ||
      this.pendingIds.has(stixId) ||
      this.byId.get(stixId)
    )
      return false;
    this.pending.set(k, { type, key, id: stixId });
    this.pendingIds.add(stixId);
    return true;
  }

  /** Writes the new ids. Call inside the transaction of the export or import that named them. */
  save(): number {
    if (this.db.readonly) return 0;
    // A plain INSERT: the caller's transaction read the table, so a clash is a bug and rolls it all back.
    const insert = this.db.prepare(
      'INSERT INTO stix_ids (type, key, stix_id, created_at) VALUES (?, ?, ?, ?)',
    );
    let n = 0;
    for (const p of this.pending.values()) n += insert.run(p.type, p.key, p.id, this.now).changes;
    this.pending.clear();
    this.pendingIds.clear();
    return n;
  }
}
