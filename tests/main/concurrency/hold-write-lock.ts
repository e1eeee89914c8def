// Another program writing to the database (as the CLI does during a long import): takes SQLite's write
// lock, writes, prints "locked", holds the lock for <ms>, commits and prints "committed".
// Usage: node --import tsx hold-write-lock.ts <db> <key-hex> <ms>
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../../src/main/db/encryption';

const [file, hex, ms] = process.argv.slice(2);
if (!file || !hex || !ms) throw new Error('usage: hold-write-lock <db> <key-hex> <ms>');
const db = new Database(file);
applyKey(db, { kind: 'raw', hex });
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('test.otherProgram', ?)").run(
  JSON.stringify(new Date().toISOString()),
);
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('committed\n');
}, Number(ms));
