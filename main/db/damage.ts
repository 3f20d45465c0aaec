// A damaged database file (a bad disk page, a half-copied folder) surfaces as SQLite errors with
// misleading texts ("database disk image is malformed", even "out of memory"). They are turned into
// one message that says what happened and how to get the last good copy back.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The file names live here, where nothing is imported, so the database, its backup and the recovery
// advice all name the same files.
export const DATABASE_FILE = 'omnicast.sqlite';
export const BACKUP_FILE = 'omnicast-backup.sqlite';

/** SQLite's codes for a file that is not a sound database. NOMEM is how some damaged pages read. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|NOMEM)/.test(code);
}

export function damagedDatabaseMessage(dataDir: string): string {
  const damaged = `The Omnicast database in ${dataDir} is damaged, so Omnicast stopped before reading or writing more of it.`;
  if (!existsSync(join(dataDir, BACKUP_FILE))) {
    return `${damaged} There is no automatic copy to go back to yet: keep ${DATABASE_FILE} as it is, it may still be repaired.`;
  }
  return [
    damaged,
    `To go back to the automatic copy: close Omnicast, move ${DATABASE_FILE} (and any ${DATABASE_FILE}-wal and ${DATABASE_FILE}-shm) out of that folder, then rename ${BACKUP_FILE} to ${DATABASE_FILE}.`,
    'What changed since that copy was made (it is made once a day) is lost, so check the latest campaigns before sending again.',
  ].join(' ');
}

export class DatabaseDamagedError extends Error {
  override name = 'DatabaseDamagedError';
  constructor(
    readonly dataDir: string,
    readonly detail: string,
  ) {
    super(damagedDatabaseMessage(dataDir));
  }
}
