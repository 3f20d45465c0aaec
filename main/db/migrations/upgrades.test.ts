// One test per migration: a database at the previous version, holding data written the way that
// version wrote it, is migrated one step, and what it held is checked afterwards.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './index';

const opened: Database.Database[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A fresh in-memory database migrated up to `version` only. */
function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

/** Migrates one step further than the database's current version. */
function upgradeTo(db: Database.Database, version: number): void {
  expect(
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= version),
    ),
  ).toBe(version);
}

/** A campaign and its messages as version 1 wrote them (the columns every later version keeps). */
function seedVersion1(db: Database.Database): void {
  db.prepare(
    `INSERT INTO campaigns (id, name, status, test_mode, template, sender, autoconvert, country, columns,
       phone_column, source_file, rate, max_cost_micros, created_at, started_at)
     VALUES (1, 'Spring sale', 'paused', 0, 'Hi {{name}}', 'Shop', 'on', 'EE', '["name","phone"]', 1,
       'customers.csv', 20, 500000, '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO messages (campaign_id, row, fields, raw_phone, recipient, state, text, encoding, segments,
       cost_min_micros, cost_max_micros, omnimessage_id, sent_at)
     VALUES (1, ?, '["Mari","5123"]', '5123', ?, ?, 'Hi Mari', 'GSM-7', 1, 40000, 45000, ?, ?)`,
  );
  insert.run(1, '+3725123', 'accepted', 'om-1', '2026-01-01T00:01:01.000Z');
  insert.run(2, '+3725124', 'queued', null, null);
  db.prepare(
    "INSERT INTO send_attempts (message_id, started_at, finished_at, outcome, http_status) VALUES (1, ?, ?, 'accepted', 201)",
  ).run('2026-01-01T00:01:00.900Z', '2026-01-01T00:01:01.000Z');
}

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

describe('each migration keeps what the previous version held', () => {
  it('1 initial: an empty database gets every table, strict, and accepts a campaign', () => {
    const db = databaseAt(0);
    upgradeTo(db, 1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'campaigns',
      'messages',
      'opt_outs',
      'send_attempts',
      'settings',
      'templates',
    ]);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
    seedVersion1(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 2 });
    // STRICT: a money column refuses text instead of storing it as is.
    expect(() => db.prepare("UPDATE messages SET cost_max_micros = 'lots' WHERE row = 1").run()).toThrow(
      /cannot store TEXT/,
    );
  });

  it('2 delivery-statuses: accepted rows wait unscheduled for their first status check', () => {
    const db = databaseAt(1);
    seedVersion1(db);
    upgradeTo(db, 2);
    expect(
      db
        .prepare(
          `SELECT row, state, omnimessage_id AS om, delivery_err AS err, status_checks AS checks,
             next_status_check_at AS next, status_poll_done AS done FROM messages ORDER BY row`,
        )
        .all(),
    ).toEqual([
      { row: 1, state: 'accepted', om: 'om-1', err: null, checks: 0, next: null, done: 0 },
      { row: 2, state: 'queued', om: null, err: null, checks: 0, next: null, done: 0 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM delivery_statuses').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT outcome, http_status FROM send_attempts').all()).toEqual([
      { outcome: 'accepted', http_status: 201 },
    ]);
    // The poller finds the old accepted row through the new partial index.
    const unscheduled = db
      .prepare(
        `SELECT row FROM messages INDEXED BY messages_status_unscheduled
         WHERE campaign_id = 1 AND state = 'accepted' AND next_status_check_at IS NULL AND status_poll_done = 0`,
      )
      .all();
    expect(unscheduled).toEqual([{ row: 1 }]);
  });

  it('3 header-row: older campaigns get header row 1, and a header row below 1 is refused', () => {
    const db = databaseAt(2);
    seedVersion1(db);
    expect(columnsOf(db, 'campaigns')).not.toContain('header_row');
    upgradeTo(db, 3);
    expect(db.prepare('SELECT name, header_row FROM campaigns').all()).toEqual([
      { name: 'Spring sale', header_row: 1 },
    ]);
    expect(() => db.prepare('UPDATE campaigns SET header_row = 0').run()).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });

  it('4 time-to-send: older campaigns deliver on sending (NULL), and a schedule can be stored', () => {
    const db = databaseAt(3);
    seedVersion1(db);
    db.prepare('UPDATE campaigns SET header_row = 3').run();
    upgradeTo(db, 4);
    expect(db.prepare('SELECT name, header_row, time_to_send FROM campaigns').all()).toEqual([
      { name: 'Spring sale', header_row: 3, time_to_send: null },
    ]);
    db.prepare("UPDATE campaigns SET time_to_send = '2030-01-02T01:04:00.000Z'").run();
    expect(db.prepare('SELECT time_to_send FROM campaigns').get()).toEqual({
      time_to_send: '2030-01-02T01:04:00.000Z',
    });
  });

  it('5 campaign-target: older campaigns have no stored target (the settings decide, as before)', () => {
    const db = databaseAt(4);
    seedVersion1(db);
    upgradeTo(db, 5);
    expect(db.prepare('SELECT name, test_mode, api_url, legacy_url FROM campaigns').all()).toEqual([
      { name: 'Spring sale', test_mode: expect.any(Number), api_url: null, legacy_url: null },
    ]);
    db.prepare(
      "UPDATE campaigns SET api_url = 'http://127.0.0.1:4010/v1', legacy_url = 'http://127.0.0.1:4010'",
    ).run();
    expect(db.prepare('SELECT api_url, legacy_url FROM campaigns').get()).toEqual({
      api_url: 'http://127.0.0.1:4010/v1',
      legacy_url: 'http://127.0.0.1:4010',
    });
  });

  it('6 schedule-cancel: older rows were never asked to be cancelled (NULL); only known outcomes fit', () => {
    const db = databaseAt(5);
    seedVersion1(db);
    upgradeTo(db, 6);
    expect(db.prepare('SELECT row, state, schedule_cancel AS c FROM messages ORDER BY row').all()).toEqual([
      { row: 1, state: 'accepted', c: null },
      { row: 2, state: 'queued', c: null },
    ]);
    db.prepare("UPDATE messages SET schedule_cancel = 'already-sent' WHERE row = 1").run();
    expect(() => db.prepare("UPDATE messages SET schedule_cancel = 'maybe' WHERE row = 1").run()).toThrow(
      /CHECK constraint/,
    );
  });

  it('7 export-delimiter: older campaigns export with commas; only , ; and tab are stored', () => {
    const db = databaseAt(6);
    seedVersion1(db);
    upgradeTo(db, 7);
    expect(db.prepare('SELECT name, delimiter FROM campaigns').all()).toEqual([
      { name: 'Spring sale', delimiter: ',' },
    ]);
    db.prepare('UPDATE campaigns SET delimiter = char(9)').run();
    expect(() => db.prepare("UPDATE campaigns SET delimiter = '|'").run()).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });

  it('8 status-checked-at: rows get the time of their latest recorded status; unchecked rows none', () => {
    const db = databaseAt(7);
    seedVersion1(db);
    const history = db.prepare(
      'INSERT INTO delivery_statuses (message_id, checked_at, status) VALUES (1, ?, ?)',
    );
    history.run('2026-01-01T00:05:00.000Z', 'ACK');
    history.run('2026-01-01T00:20:00.000Z', 'DELIVRD');
    history.run('2026-01-01T00:10:00.000Z', 'ACK');
    expect(columnsOf(db, 'messages')).not.toContain('status_checked_at');
    upgradeTo(db, 8);
    expect(db.prepare('SELECT row, status_checked_at AS at FROM messages ORDER BY row').all()).toEqual([
      { row: 1, at: '2026-01-01T00:20:00.000Z' },
      { row: 2, at: null },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM delivery_statuses').get()).toEqual({ n: 3 });
    // STRICT still holds on the new column.
    expect(() => db.prepare("UPDATE messages SET status_checked_at = x'00' WHERE row = 2").run()).toThrow(
      /cannot store BLOB/,
    );
  });

  it('9 row-delivery-time: earlier rows and campaigns keep one time for the whole campaign', () => {
    const db = databaseAt(8);
    seedVersion1(db);
    db.prepare("UPDATE campaigns SET time_to_send = '2026-01-02T08:00:00.000Z'").run();
    expect(columnsOf(db, 'messages')).not.toContain('send_at');
    upgradeTo(db, 9);
    expect(
      db
        .prepare(
          'SELECT row, state, appointment, send_at, time_zone, time_problem, hold_until FROM messages ORDER BY row',
        )
        .all(),
    ).toEqual([
      {
        row: 1,
        state: 'accepted',
        appointment: null,
        send_at: null,
        time_zone: null,
        time_problem: null,
        hold_until: null,
      },
      {
        row: 2,
        state: 'queued',
        appointment: null,
        send_at: null,
        time_zone: null,
        time_problem: null,
        hold_until: null,
      },
    ]);
    expect(db.prepare('SELECT time_to_send, delivery_plan, problem_choices FROM campaigns').get()).toEqual({
      time_to_send: '2026-01-02T08:00:00.000Z',
      delivery_plan: null,
      problem_choices: null,
    });
    db.prepare(
      "UPDATE messages SET send_at = '2026-02-01T07:00:00.000Z', time_problem = 'too-far', hold_until = '2026-01-02T07:00:00.000Z' WHERE row = 2",
    ).run();
    expect(() => db.prepare("UPDATE messages SET time_problem = 'later' WHERE row = 2").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare("UPDATE messages SET send_at = x'00' WHERE row = 2").run()).toThrow(
      /cannot store BLOB/,
    );
  });

  it('has a test above for every migration', () => {
    // A new migration needs its own upgrade test here: this fails until one is added.
    expect(MIGRATIONS.map((m) => `${m.version} ${m.name}`)).toEqual([
      '1 initial',
      '2 delivery-statuses',
      '3 header-row',
      '4 time-to-send',
      '5 campaign-target',
      '6 schedule-cancel',
      '7 export-delimiter',
      '8 status-checked-at',
      '9 row-delivery-time',
    ]);
  });
});
