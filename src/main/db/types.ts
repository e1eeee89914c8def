// The open database's type, apart from the code that opens it, so that what works on an open
// database (backups, statements, stores) does not depend on how it was opened.
import type Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
