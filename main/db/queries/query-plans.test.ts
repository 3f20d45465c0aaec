// The queries that run on every tick of sending and of status polling must find their rows through an
// index, not by reading the whole messages table: a campaign may hold a million rows. Each query is
// run for real through a database that records the SQL it prepares; SQLite's EXPLAIN QUERY PLAN of
// that same SQL is then checked.
import { afterEach, describe, expect, it } from 'vitest';
import { seedCampaign } from '../../sender/test-support';
import { openMemoryDatabase, type Db } from '../database';
import { nextQueuedRows, tallyCampaign } from './sending';
import { createSendingStore, type Claim } from './sending-store';
import { dueStatusRows, nextStatusCheckAt, scheduleAccepted } from './statuses';

interface Prepared {
  sql: string;
  args: unknown[];
}

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A seeded database, and a view of it that records every statement run through it with its arguments. */
function recordingDatabase(): { db: Db; recorded: Prepared[]; plans: () => string[] } {
  const real = openMemoryDatabase();
  opened.push(real);
  seedCampaign(real, 50);
  const recorded: Prepared[] = [];
  const runners = new Set(['all', 'get', 'run', 'iterate']);
  const db = new Proxy(real, {
    get(target, key) {
      if (key !== 'prepare') {
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(s, k) {
            const value: unknown = Reflect.get(s, k);
            if (typeof value !== 'function') return value;
            if (typeof k === 'string' && runners.has(k)) {
              return (...args: unknown[]) => {
                recorded.push({ sql, args });
                return (value as (...a: unknown[]) => unknown).apply(s, args);
              };
            }
            return value.bind(s);
          },
        });
      };
    },
  });
  const plans = (): string[] =>
    recorded.map(({ sql, args }) =>
      (real.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | '),
    );
  return { db, recorded, plans };
}

/** A plan line that reads the messages table whole, with no index to narrow it. */
const FULL_SCAN = /SCAN messages(?! USING)/;

describe('query plans of the hot queries', () => {
  it('due status checks and the next check time are read through messages_status_due', () => {
    const { db, plans } = recordingDatabase();
    dueStatusRows(db, '2030-01-01T00:00:00.000Z', 100);
    nextStatusCheckAt(db);
    const seen = plans();
    expect(seen).toHaveLength(2);
    for (const plan of seen) {
      expect(plan).toContain('messages_status_due');
      expect(plan).not.toMatch(FULL_SCAN);
    }
  });

  it('scheduling newly accepted rows reads them through messages_status_unscheduled', () => {
    const { db, plans } = recordingDatabase();
    scheduleAccepted(db, 60, '2030-01-01T00:00:00.000Z');
    const seen = plans();
    expect(seen).toHaveLength(2);
    for (const plan of seen) {
      expect(plan).toContain('messages_status_unscheduled');
      expect(plan).not.toMatch(FULL_SCAN);
    }
  });

  it("the next queued rows are read through the campaign's state index, in row order", () => {
    const { db, plans } = recordingDatabase();
    expect(nextQueuedRows(db, 1, 0, 10)).toHaveLength(10);
    const [plan] = plans();
    expect(plan).toContain('messages_by_campaign_state');
    expect(plan).not.toMatch(FULL_SCAN);
    // Rows come out of the index in order: no sort of the whole campaign per batch.
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('claiming and settling a row reach it by its id, and the tally by campaign', () => {
    const { db, recorded, plans } = recordingDatabase();
    const store = createSendingStore(db);
    const [first] = nextQueuedRows(db, 1, 0, 1);
    const claims: Claim[] = [{ messageId: first!.id, attemptId: null }];
    store.commit([], claims, '2030-01-01T00:00:00.000Z');
    store.commit(
      [
        {
          kind: 'accepted',
          messageId: first!.id,
          attemptId: claims[0]!.attemptId!,
          at: '2030-01-01T00:00:01.000Z',
          httpStatus: 201,
          omnimessageId: 'om-1',
          remoteMessageId: 'm-1',
        },
      ],
      [],
      '2030-01-01T00:00:01.000Z',
    );
    tallyCampaign(db, 1);
    const seen = plans();
    const writes = recorded.map((r, i) => ({ sql: r.sql, plan: seen[i] ?? '' }));
    const updates = writes.filter((w) => /^\s*UPDATE (messages|send_attempts)/.test(w.sql));
    expect(updates.length).toBeGreaterThanOrEqual(3);
    for (const w of updates) expect(w.plan, w.sql).toMatch(/USING INTEGER PRIMARY KEY/);
    for (const plan of seen) expect(plan).not.toMatch(FULL_SCAN);
  });
});
