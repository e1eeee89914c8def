import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AuditLog, entryHash } from '../../../src/main/audit/audit-log';
import { closeDatabase, openDatabase } from '../../../src/main/db/connection';
import { openTestApp } from '../../helpers/db';

function withEntries(n: number) {
  const app = openTestApp();
  for (let i = 1; i <= n; i++)
    new AuditLog(app.db).append({
      action: 'decision.recorded',
      subject: `threat:T-${i}`,
      actor: 'Ana',
      role: 'Director',
      details: { level: 'monitor', i },
    });
  app.close();
  return app.file;
}

/** Tampers with the file directly, as someone with the file but not the app would. */
function tamper(file: string, sql: string) {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(sql);
  raw.close();
}

function verify(file: string) {
  const db = openDatabase(file);
  const result = new AuditLog(db).verify();
  closeDatabase(db);
  return result;
}

describe('audit log', () => {
  it('verifies an untouched chain', () => {
    const file = withEntries(5);
    expect(verify(file)).toEqual({ ok: true, entries: 5, problems: [] });
  });

  it('refuses edits and deletes through SQL', () => {
    const app = openTestApp();
    new AuditLog(app.db).append({ action: 'x' });
    expect(() => app.db.exec("UPDATE audit_log SET action = 'y'")).toThrow(/append-only/);
    expect(() => app.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('detects an edited entry', () => {
    const file = withEntries(5);
    tamper(file, `UPDATE audit_log SET details = '{"level":"speak-publicly","i":3}' WHERE seq = 3`);
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toEqual({ seq: 3, message: 'entry 3 was edited after it was written' });
  });

  it('detects a deleted entry in the middle', () => {
    const file = withEntries(5);
    tamper(file, 'DELETE FROM audit_log WHERE seq = 2');
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/entry 2 is missing/);
  });

  it('detects entries cut from the end', () => {
    const file = withEntries(5);
    tamper(file, 'DELETE FROM audit_log WHERE seq >= 4');
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/should end at entry 5/);
  });

  it('detects reordered entries (contents swapped between positions)', () => {
    const file = withEntries(5);
    tamper(
      file,
      `UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE ` +
        `seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;`,
    );
    const result = verify(file);
    expect(result.ok).toBe(false);
  });

  it('detects an entry rewritten with a recomputed hash, by the broken link that follows', () => {
    const file = withEntries(5);
    const raw = new Database(file);
    const row = raw.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    raw.close();
    const forged = { ...row, details: '{"forged":true}' } as Parameters<typeof entryHash>[0];
    tamper(
      file,
      `UPDATE audit_log SET details = '{"forged":true}', hash = '${entryHash(forged)}' WHERE seq = 2`,
    );
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.seq).toBe(3);
  });
});
