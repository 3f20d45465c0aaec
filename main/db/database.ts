import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createPrivateFile, prepareDataFolder } from '../data-folder';
import { migrate } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'omnicast.sqlite';

/**
 * Opens (creating if needed) the data folder's database, in WAL mode, migrated to the latest version.
 * `synchronous = FULL` because message states are our proof of what was sent: a committed
 * "sending" must survive a power loss, not only a crash of the process.
 */
export interface OpenOptions {
  /** One line for the operator (the folder was made private). */
  notice?: (line: string) => void;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  prepareDataFolder(dataDir, { notice: options.notice });
  const path = join(dataDir, DATABASE_FILE);
  // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
  createPrivateFile(path);
  const db = new Database(path);
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
