import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { omnicast } from '../cli/test-run';
import { prepareDataFolder } from '../data-folder';
import { seedCampaign } from '../sender/test-support';
import { BACKUP_EVERY_MS, BACKUP_FILE } from './backup';
import { DATABASE_FILE, openDatabase } from './database';
import { DatabaseDamagedError } from './damage';
import { LATEST_VERSION, MIGRATIONS, migrate } from './migrations';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'omnicast-backup-')), 'data');
});
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const backup = (): string => join(dir, BACKUP_FILE);
function campaignsIn(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM campaigns').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Overwrites one page in the middle of the (checkpointed) database file with garbage. */
function damage(page: number): void {
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(join(dir, DATABASE_FILE), 'r+');
  try {
    const pageSize = 4096;
    expect(fstatSync(fd).size).toBeGreaterThan(page * pageSize);
    writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('the rotating copy of the database', () => {
  it('is made at the first open, owner-only, and not again the same day', () => {
    const t0 = Date.parse('2026-03-01T08:00:00Z');
    openDatabase(dir, { now: () => t0 }).close();
    expect(existsSync(backup())).toBe(true);
    if (process.platform !== 'win32') expect(statSync(backup()).mode & 0o777).toBe(0o600);

    const db = openDatabase(dir, { now: () => t0 + 60_000 });
    seedCampaign(db, 2);
    db.close();
    expect(campaignsIn(backup())).toBe(0);
  });

  it('is replaced by the first open a day later', () => {
    openDatabase(dir).close();
    const db = openDatabase(dir);
    seedCampaign(db, 2);
    db.close();
    openDatabase(dir, { now: () => Date.now() + BACKUP_EVERY_MS + 1 }).close();
    expect(campaignsIn(backup())).toBe(1);
    expect(new Database(backup(), { readonly: true }).pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('is made before a schema upgrade, at the old version', () => {
    prepareDataFolder(dir);
    const early = new Database(join(dir, DATABASE_FILE));
    migrate(early, MIGRATIONS.slice(0, 2));
    early.close();
    const db = openDatabase(dir);
    db.close();
    const copy = new Database(backup(), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
    expect(LATEST_VERSION).toBeGreaterThan(2);
  });

  it('is never overwritten from a damaged database, which is refused with the way back', () => {
    const db = openDatabase(dir);
    seedCampaign(db, 400);
    db.close();
    openDatabase(dir, { now: () => Date.now() + BACKUP_EVERY_MS + 1 }).close();
    const goodCopy = statSync(backup()).mtimeMs;
    damage(5);
    let thrown: unknown;
    try {
      openDatabase(dir, { now: () => Date.now() + 2 * BACKUP_EVERY_MS + 2 }).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseDamagedError);
    expect((thrown as Error).message).toMatch(
      new RegExp(`^The Omnicast database in ${dir} is damaged.*rename ${BACKUP_FILE} to ${DATABASE_FILE}`),
    );
    expect(statSync(backup()).mtimeMs).toBe(goodCopy);
    expect(campaignsIn(backup())).toBe(1);
  });

  it('the CLI says a damaged database is damaged, not "out of memory" or "malformed"', async () => {
    const db = openDatabase(dir);
    seedCampaign(db, 400);
    db.close();
    damage(5);
    const run = await omnicast(['report', '1', '--out', join(dir, '..', 'r.csv'), '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^omnicast report: The Omnicast database in ${dir} is damaged`));
    expect(run.stderr).not.toMatch(/unexpected|malformed|memory/);
  });
});

describe('read-only commands', () => {
  it('open an up-to-date database read-only and make no copy', () => {
    openDatabase(dir, { backups: false }).close();
    const db = openDatabase(dir, { readonly: true });
    try {
      expect(db.readonly).toBe(true);
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run()).toThrow(
        /readonly/,
      );
    } finally {
      db.close();
    }
    expect(existsSync(backup())).toBe(false);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'list and export a write-protected database',
    async () => {
      openDatabase(dir, { backups: false }).close();
      chmodSync(join(dir, DATABASE_FILE), 0o400);
      chmodSync(dir, 0o500);
      try {
        const run = await omnicast(['campaigns', '--data-dir', dir]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      } finally {
        chmodSync(dir, 0o700);
      }
    },
  );
});
