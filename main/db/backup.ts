// One rotating copy of the database beside it, so that a damaged disk page or a failed upgrade never
// costs more than a day: made before every schema upgrade and at the first open of each day. A copy
// is only made from a database that passes SQLite's quick check, so a damaged database can never
// overwrite the last good copy.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile } from '../data-folder';
import type { Db } from './database';
import { BACKUP_FILE, DatabaseDamagedError } from './damage';

export { BACKUP_FILE };

export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

/** When the copy in `dataDir` was made, or null if there is none. */
export function backupTime(dataDir: string): Date | null {
  return statSync(join(dataDir, BACKUP_FILE), { throwIfNoEntry: false })?.mtime ?? null;
}

export function backupIsDue(dataDir: string, now: number): boolean {
  const made = backupTime(dataDir);
  return made === null || now - made.getTime() >= BACKUP_EVERY_MS || made.getTime() > now;
}

/** Checks `db`, then replaces the copy in `dataDir` with a fresh one, atomically. */
export function makeBackup(db: Db, dataDir: string): void {
  const result = db.pragma('quick_check(1)', { simple: true });
  if (result !== 'ok') throw new DatabaseDamagedError(dataDir, String(result));
  const target = join(dataDir, BACKUP_FILE);
  // Its own name per process: the app and a CLI command may both open the folder on a new day.
  const partial = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  // VACUUM INTO writes into an empty file as it finds it, so the copy keeps the owner-only mode.
  createPrivateFile(partial);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
