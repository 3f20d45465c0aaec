import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile, fileReason, prepareDataFolder } from '../data-folder';
import { backupIsDue, makeBackup } from './backup';
import { DATABASE_FILE, DatabaseDamagedError, isDamageError } from './damage';
import { LATEST_VERSION, migrate } from './migrations';

export type Db = Database.Database;

export { DATABASE_FILE };

export interface OpenOptions {
  /** One line for the operator (the folder was made private, the daily copy failed). */
  notice?: (line: string) => void;
  /**
   * For commands that only read: the file is opened read-only when it exists and is up to date, so
   * a write-protected database (or one on read-only media) can still be listed and exported.
   */
  readonly?: boolean;
  /** false: no rotating copy (tests of other things; the in-memory database). */
  backups?: boolean;
  now?: () => number;
}

/**
 * Opens (creating if needed) the data folder's database, in WAL mode, migrated to the latest version.
 * `synchronous = FULL` because message states are our proof of what was sent: a committed
 * "sending" must survive a power loss, not only a crash of the process.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  prepareDataFolder(dataDir, { notice: options.notice });
  const path = join(dataDir, DATABASE_FILE);
  if (options.readonly && existsSync(path)) {
    const db = openReadOnly(dataDir, path);
    if (db) return db;
  }
  // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
  createPrivateFile(path);
  const db = new Database(path);
  try {
    configure(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    const backups = options.backups !== false;
    // The copy before an upgrade is the one way back if the new version turns out wrong.
    if (backups && version > 0 && version < LATEST_VERSION) makeBackup(db, dataDir);
    migrate(db);
    if (backups && backupIsDue(dataDir, (options.now ?? Date.now)()))
      dailyBackup(db, dataDir, options.notice);
  } catch (error) {
    db.close();
    throw isDamageError(error) ? new DatabaseDamagedError(dataDir, String(error)) : error;
  }
  return db;
}

/** The daily copy must not stop the day's work: a failure (other than damage) is only noted. */
function dailyBackup(db: Db, dataDir: string, notice?: (line: string) => void): void {
  try {
    makeBackup(db, dataDir);
  } catch (error) {
    if (error instanceof DatabaseDamagedError || isDamageError(error)) throw error;
    notice?.(`Omnicast: could not make today's copy of the database: ${fileReason(error)}.`);
  }
}

/** null when the database needs an upgrade first (which needs writing). */
function openReadOnly(dataDir: string, path: string): Db | null {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < LATEST_VERSION) {
      db.close();
      return null;
    }
    migrate(db); // writes nothing at the latest version; refuses a newer database
    return db;
  } catch (error) {
    db.close();
    throw isDamageError(error) ? new DatabaseDamagedError(dataDir, String(error)) : error;
  }
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
