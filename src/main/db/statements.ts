// Prepared statements are compiled once and reused: SQL text is the cache key.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './connection';

type Statement = Database.Statement<unknown[], unknown>;

const caches = new WeakMap<Db, Map<string, Statement>>();
const MAX_CACHED = 500;

export function cached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
