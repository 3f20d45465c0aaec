import type { Database } from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-delivery-statuses';
import { migration003 } from './003-header-row';
import { migration004 } from './004-time-to-send';
import { migration005 } from './005-campaign-target';
import { migration006 } from './006-schedule-cancel';
import { migration007 } from './007-export-delimiter';
import { migration008 } from './008-status-checked-at';
import { migration009 } from './009-row-delivery-time';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Thrown when the data folder was written by a newer Omnicast: opening it could lose data. */
export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
}

/**
 * Brings the database up to LATEST_VERSION, each migration in its own transaction so that a crash
 * leaves the database at a whole version. Refuses a database newer than this code.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  assertIncreasing(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseTooNewError(
      `This data folder was written by a newer version of Omnicast (database version ${current}, this version knows up to ${latest}). Update Omnicast to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.name} has version ${m.version}, not above ${previous.version}`);
    }
  });
}
