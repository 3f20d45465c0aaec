import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { DatabaseTooNewError, LATEST_VERSION, MIGRATIONS, migrate } from './index';

describe('migrations', () => {
  it('brings a new database to the latest version in WAL mode with strict tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnicast-db-'));
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      expect.arrayContaining(['campaigns', 'messages', 'opt_outs', 'send_attempts', 'settings', 'templates']),
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('gives an existing version-3 database the time_to_send column, NULL for its campaigns', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.prepare(
      `INSERT INTO campaigns (name, status, test_mode, template, sender, autoconvert, country, columns,
         phone_column, source_file, rate, created_at)
       VALUES ('Old', 'paused', 0, 'Hi', '', 'on', 'EE', '["phone"]', 0, 'old.csv', 10, '2026-01-01T00:00:00Z')`,
    ).run();
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name, time_to_send FROM campaigns').all()).toEqual([
      { name: 'Old', time_to_send: null },
    ]);
    db.prepare("UPDATE campaigns SET time_to_send = '2030-01-02T01:04:00.000Z'").run();
    expect(db.prepare('SELECT time_to_send FROM campaigns').get()).toEqual({
      time_to_send: '2030-01-02T01:04:00.000Z',
    });
    db.close();
  });

  it('gives existing campaigns no stored target: they use the current settings, as before', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    db.prepare(
      `INSERT INTO campaigns (name, status, test_mode, template, sender, autoconvert, country, columns,
         phone_column, source_file, rate, created_at)
       VALUES ('Old', 'completed', 0, 'Hi', '', 'on', 'EE', '["phone"]', 0, 'old.csv', 10, '2026-01-01T00:00:00Z')`,
    ).run();
    expect(migrate(db)).toBe(5);
    expect(db.prepare('SELECT api_url, legacy_url FROM campaigns').get()).toEqual({
      api_url: null,
      legacy_url: null,
    });
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnicast-db-'));
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database written by a newer Omnicast', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    db.close();
  });

  it('rolls back a failing migration whole and keeps the previous version', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'one', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'two',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE b (x INTEGER) STRICT');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses migrations that are not strictly increasing', () => {
    const db = new Database(':memory:');
    const same = [
      { version: 1, name: 'one', up: () => undefined },
      { version: 1, name: 'again', up: () => undefined },
    ];
    expect(() => migrate(db, same)).toThrow(/not above/);
    db.close();
  });
});
