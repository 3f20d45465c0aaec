import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing, one file per version; the database's PRAGMA user_version is the last applied. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** A migration that runs one SQL script: every one so far is this. */
export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, up: (db) => db.exec(sql) };
}
