import { describe, expect, it } from 'vitest';
import type { CampaignProgress } from '../../shared/types';
import { openMemoryDatabase, type Db } from '../db/database';
import { EventBus } from '../events';
import { createSender } from './index';
import { closeAfterEach } from '../testing/close-after-each';
import { testClient, seedCampaign, startTestServer, type Reply, type TestServer } from './test-support';
import type { OmnimessageBody } from './types';

const closeLater = closeAfterEach();

function setup(db: Db, url: string, timeoutMs = 2_000) {
  const events = new EventBus();
  const progress: CampaignProgress[] = [];
  events.subscribe((name, p) => {
    if (name === 'campaign.progress') progress.push(p);
  });
  const sender = closeLater(
    createSender({ db, events, getClient: async () => testClient(url, timeoutMs) }),
    (s) => s.shutdown(),
  );
  return { sender, progress };
}

const rowsOf = (db: Db, id: number) =>
  db.prepare('SELECT * FROM messages WHERE campaign_id = ? ORDER BY row').all(id) as Record<
    string,
    unknown
  >[];
const attemptsOf = (db: Db, row: number) =>
  db
    .prepare(
      'SELECT a.* FROM send_attempts a JOIN messages m ON m.id = a.message_id WHERE m.row = ? ORDER BY a.id',
    )
    .all(row) as Record<string, unknown>[];
const recipients = (s: TestServer) =>
  s.received.flatMap((r) => ('to' in r.body ? [r.body.to] : r.body.messages.map((m) => m.to)));

describe('sender', () => {
  it('commits each row as sending before its request arrives, and records the accepted id after', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 12);
    const seenStates: string[] = [];
    const server = closeLater(
      await startTestServer((_n, body: OmnimessageBody) => {
        const row = db.prepare('SELECT state, id FROM messages WHERE recipient = ?').get(body.to) as {
          state: string;
          id: number;
        };
        const open = db
          .prepare('SELECT COUNT(*) AS n FROM send_attempts WHERE message_id = ? AND outcome IS NULL')
          .get(row.id) as { n: number };
        seenStates.push(`${row.state}/${open.n}`);
        return { kind: 'accept' };
      }),
    );
    const { sender, progress } = setup(db, server.url);
    await sender.start(id, { rate: 100 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(12);
    expect(seenStates).toEqual(Array(12).fill('sending/1'));
    const ids = server.received.flatMap((r) => r.ids);
    const rows = rowsOf(db, id);
    expect(rows.map((r) => r.omnimessage_id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.state === 'accepted' && r.sent_at && r.attempts === 1)).toBe(true);
    expect(attemptsOf(db, 5).map((a) => a.outcome)).toEqual(['accepted']);
    expect(new Set(recipients(server)).size).toBe(12);
    expect(progress.at(-1)?.status).toBe('completed');
    expect((db.prepare('SELECT status, finished_at FROM campaigns').get() as { status: string }).status).toBe(
      'completed',
    );
  });

  it('ends each kind of fault in the right state', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 5);
    const tries = new Map<string, number>();
    const byRow: Record<string, (n: number) => Reply> = {
      '+37250000000': (n) => (n === 1 ? { kind: 'status', status: 503 } : { kind: 'accept' }),
      '+37250000001': () => ({ kind: 'drop' }),
      '+37250000002': () => ({ kind: 'hang' }),
      '+37250000003': () => ({
        kind: 'status',
        status: 400,
        body: {
          errors: [
            {
              code: '105',
              title: 'Invalid data',
              detail: 'Invalid or disallowed sender Shop',
              source: 'payload[sms][sender]',
            },
          ],
        },
      }),
      '+37250000004': () => ({ kind: 'status', status: 500 }),
    };
    const server = closeLater(
      await startTestServer((_n, body) => {
        const k = (tries.get(body.to) ?? 0) + 1;
        tries.set(body.to, k);
        return byRow[body.to]!(k);
      }),
    );
    const { sender } = setup(db, server.url, 400);
    await sender.start(id, { rate: 50 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    const rows = rowsOf(db, id);
    expect(rows.map((r) => r.state)).toEqual(['accepted', 'unknown', 'unknown', 'failed', 'unknown']);
    expect(attemptsOf(db, 1).map((a) => a.outcome)).toEqual(['retry', 'accepted']);
    expect(rows[1]).toMatchObject({ error_code: 'reset', attempts: 1 });
    expect(rows[2]).toMatchObject({ error_code: 'timeout', attempts: 1 });
    expect(rows[3]).toMatchObject({
      error_code: '105',
      error_title: 'Invalid data',
      error_detail: 'Invalid or disallowed sender Shop',
      error_source: 'payload[sms][sender]',
      http_status: 400,
    });
    expect(rows[4]).toMatchObject({ error_code: 'server-error', http_status: 500 });
    // Unknown rows are never sent again by themselves.
    expect(tries.get('+37250000001')).toBe(1);
    expect(tries.get('+37250000002')).toBe(1);
    expect(final.errors.map((e) => [e.code, e.count])).toEqual([
      ['105', 1],
      ['reset', 1],
      ['server-error', 1],
      ['timeout', 1],
    ]);
    expect(final.errors.every((e) => e.explanation.length > 20)).toBe(true);
  });

  it('honours Retry-After on 429 and slows down', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 6);
    const server = closeLater(
      await startTestServer((n) =>
        n === 2 ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } } : { kind: 'accept' },
      ),
    );
    const { sender } = setup(db, server.url);
    // 200 ms between requests: even a busy machine has read the 429 before the next one is due.
    await sender.start(id, { rate: 5 });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(6);
    const at = server.received.map((r) => r.at);
    expect(at).toHaveLength(7);
    // Nothing left in the second after the 429 arrived (minus the request's own round trip).
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(950);
    expect(new Set(recipients(server)).size).toBe(6);
  });

  it('gives up on an unreachable server after a bounded number of attempts', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 2);
    const closed = await startTestServer();
    await closed.close();
    const { sender } = setup(db, closed.url);
    await sender.start(id, { rate: 50, maxAttempts: 2 });
    const final = await sender.whenSettled(id);
    expect(final.counts.failed).toBe(2);
    expect(rowsOf(db, id)[0]).toMatchObject({ state: 'failed', error_code: 'network', attempts: 2 });
    expect(String(rowsOf(db, id)[0]!.error_detail)).toMatch(/gave up after 2 attempts/);
  });

  it.each([
    [401, /API username and password/],
    [403, /IP allow-list/],
  ])('stops the campaign on %i and keeps the rows queued', async (status, reason) => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 10);
    const server = closeLater(
      await startTestServer(() => ({
        kind: 'status',
        status,
        body: { errors: [{ code: '103', title: 'Unauthorized', detail: 'no', source: null }] },
      })),
    );
    const { sender } = setup(db, server.url);
    await sender.start(id, { rate: 20 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('paused');
    expect(final.stopReason).toMatch(reason);
    expect(final.counts.queued).toBe(10);
    expect(final.counts.failed).toBe(0);
    expect(server.received.length).toBeLessThanOrEqual(2);
    expect(attemptsOf(db, 1).map((a) => a.outcome)).toEqual(['auth']);
  });
});
