import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'omnicast.sqlite';

/**
 * Opens (creating if needed) the data folder's database, in WAL mode, migrated to the latest version.
 * `synchronous = FULL` because message states are our proof of what was sent: a committed
 * "sending" must survive a power loss, not only a crash of the process.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** An in-memory database for tests of the query modules. */
export function openMemoryDatabase(): Db {
  const db = new Database(':memory:');
  configure(db);
  migrate(db);
  return db;
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function nowIso(): string {
  return new Date().toISOString();
}
