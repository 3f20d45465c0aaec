import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing, one file per version; the database's PRAGMA user_version is the last applied. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
