// Small typed key/value settings kept in the database.
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { cached } from '../db/statements';

export class Settings {
  constructor(private readonly db: Db) {}

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const row = cached(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    if (!row) return undefined;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, value: unknown): void {
    cached(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, JSON.stringify(value));
  }
}
