import { describe, expect, it } from 'vitest';
import { seedCampaign } from '../../sender/test-support';
import { openMemoryDatabase, type Db } from '../database';
import {
  cancelQueuedRows,
  markUnknownRows,
  nextQueuedRows,
  recoverInterruptedRows,
  tallyCampaign,
} from './sending';
import { createSendingStore, type Claim } from './sending-store';

const row = (db: Db, n: number, campaignId = 1) =>
  db.prepare('SELECT * FROM messages WHERE campaign_id = ? AND row = ?').get(campaignId, n) as Record<
    string,
    unknown
  >;
const attempts = (db: Db) =>
  db.prepare('SELECT * FROM send_attempts ORDER BY id').all() as Record<string, unknown>[];

describe('sending queries', () => {
  it('claims queued rows with an open attempt, then records outcomes in one commit', () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 4);
    const store = createSendingStore(db);
    const rows = nextQueuedRows(db, id, 0, 3);
    expect(rows.map((r) => [r.row, r.to, r.costMaxMicros])).toEqual([
      [1, '+37250000000', 60_000],
      [2, '+37250000001', 60_000],
      [3, '+37250000002', 60_000],
    ]);
    const claims: Claim[] = rows.map((r) => ({ messageId: r.id, attemptId: null }));
    store.commit([], claims, '2025-01-01T00:00:00.000Z');
    expect(claims.every((c) => typeof c.attemptId === 'number')).toBe(true);
    expect([row(db, 1).state, row(db, 1).attempts]).toEqual(['sending', 1]);
    expect(attempts(db).map((a) => a.outcome)).toEqual([null, null, null]);

    const at = '2025-01-01T00:00:01.000Z';
    const [a, b, c] = claims.map((x) => ({ messageId: x.messageId, attemptId: x.attemptId!, at }));
    store.commit(
      [
        { ...a!, kind: 'accepted', httpStatus: 201, omnimessageId: 'om-1', remoteMessageId: 'm-1' },
        {
          ...b!,
          kind: 'failed',
          attemptOutcome: 'rejected',
          httpStatus: 400,
          error: { code: '105', title: 'Invalid data', detail: 'd', source: 's' },
        },
        {
          ...c!,
          kind: 'requeue',
          attemptOutcome: 'retry',
          httpStatus: 503,
          error: { code: 'unavailable', title: 't', detail: 'd', source: null },
        },
      ],
      [],
      '',
    );
    expect(row(db, 1)).toMatchObject({
      state: 'accepted',
      omnimessage_id: 'om-1',
      message_id: 'm-1',
      sent_at: at,
      http_status: 201,
    });
    expect(row(db, 2)).toMatchObject({
      state: 'failed',
      error_code: '105',
      error_source: 's',
      http_status: 400,
    });
    expect(row(db, 3)).toMatchObject({ state: 'queued', error_code: null });
    expect(attempts(db).map((x) => [x.outcome, x.http_status, x.finished_at])).toEqual([
      ['accepted', 201, at],
      ['rejected', 400, at],
      ['retry', 503, at],
    ]);
    expect(nextQueuedRows(db, id, 0, 10).map((r) => r.row)).toEqual([3, 4]);
    expect(tallyCampaign(db, id)).toMatchObject({
      total: 4,
      committedMicros: 60_000,
      errors: [{ code: '105', title: 'Invalid data', count: 1 }],
    });
  });

  it('does not claim a row that is no longer queued', () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 2);
    cancelQueuedRows(db, id);
    const claims: Claim[] = [{ messageId: 1, attemptId: null }];
    createSendingStore(db).commit([], claims, 'x');
    expect(claims[0]!.attemptId).toBeNull();
    expect(attempts(db)).toEqual([]);
    expect(row(db, 1).state).toBe('cancelled');
  });

  it('recovers only the campaign asked for, and requeues unknown rows on request', () => {
    const db = openMemoryDatabase();
    const first = seedCampaign(db, 2);
    const second = seedCampaign(db, 2);
    for (const id of [first, second]) {
      db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ?").run(id);
      const claims: Claim[] = [{ messageId: nextQueuedRows(db, id, 0, 1)[0]!.id, attemptId: null }];
      createSendingStore(db).commit([], claims, 'x');
    }
    expect(recoverInterruptedRows(db, 'now', second)).toEqual([second]);
    expect(row(db, 1, first).state).toBe('sending');
    expect(row(db, 1, second)).toMatchObject({ state: 'unknown', error_code: 'interrupted' });
    expect(recoverInterruptedRows(db, 'now')).toEqual([first]);
    expect(attempts(db).map((a) => a.outcome)).toEqual(['interrupted', 'interrupted']);

    db.prepare("UPDATE campaigns SET status = 'completed' WHERE id = ?").run(first);
    expect(markUnknownRows(db, first, [1, 2], 'queued')).toBe(1);
    expect(row(db, 1, first)).toMatchObject({ state: 'queued', error_code: null });
    expect(
      (db.prepare('SELECT status FROM campaigns WHERE id = ?').get(first) as { status: string }).status,
    ).toBe('paused');
    expect(markUnknownRows(db, second, [1], 'accepted')).toBe(1);
    expect(row(db, 1, second)).toMatchObject({ state: 'accepted', sent_at: 'x' });
  });
});
