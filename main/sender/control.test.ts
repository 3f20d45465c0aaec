// The spending cap, batches, and recovery after a crash, against a scripted loopback server (pause,
// resume and cancel against the real simulator are in against-simulator.test.ts).
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { EventBus } from '../events';
import { createSender } from './index';
import { closeAfterEach } from '../testing/close-after-each';
import { testClient, seedCampaign, startTestServer, type TestServer } from './test-support';

const closeLater = closeAfterEach();

function setup(db: Db, url: string) {
  return closeLater(
    createSender({ db, events: new EventBus(), getClient: async () => testClient(url) }),
    (s) => s.shutdown(),
  );
}
const states = (db: Db, id: number) =>
  (
    db.prepare('SELECT state FROM messages WHERE campaign_id = ? ORDER BY row').all(id) as { state: string }[]
  ).map((r) => r.state);
const recipients = (s: TestServer) =>
  s.received.flatMap((r) => ('to' in r.body ? [r.body.to] : r.body.messages.map((m) => m.to)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sender control', () => {
  it('stops before the predicted cost would pass the spending cap', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 10, 60_000);
    const server = closeLater(await startTestServer());
    const sender = setup(db, server.url);
    await sender.start(id, { rate: 100, maxCostMicros: 250_000 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('paused');
    expect(final.counts.accepted).toBe(4);
    expect(server.received).toHaveLength(4);
    expect(final.stopReason).toMatch(/spending cap of €0\.25.*row 5.*€0\.30/);
  });

  it('gives back the rows claimed ahead when paused: queued again, with no attempt on record', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 60);
    const server = closeLater(await startTestServer());
    const sender = setup(db, server.url);
    // At 100/s the rows of the next moment are claimed ahead of their planned times.
    await sender.start(id, { rate: 100 });
    await sleep(150);
    await sender.pause(id);
    const sent = recipients(server).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(60);
    expect(states(db, id).filter((s) => s === 'sending')).toEqual([]);
    const attempts = db
      .prepare('SELECT COUNT(*) AS n, COUNT(finished_at) AS finished FROM send_attempts')
      .get() as { n: number; finished: number };
    expect(attempts).toEqual({ n: sent, finished: sent });
    const queued = db
      .prepare("SELECT COUNT(*) AS n, SUM(attempts) AS tries FROM messages WHERE state = 'queued'")
      .get() as { n: number; tries: number };
    expect(queued).toEqual({ n: 60 - sent, tries: 0 });
  });

  it('sends part of a batch when the one-second window has room for only part of it', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 60);
    const server = closeLater(await startTestServer());
    const sender = setup(db, server.url);
    // 30/s in batches of 20: after the first 20, the window holds 10 more, not another 20.
    await sender.start(id, { rate: 30, batchSize: 20 });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(60);
    const sizes = server.received.map((r) => ('to' in r.body ? 1 : r.body.messages.length));
    expect(sizes[0]).toBe(20);
    // Whole batches only would be 20, 20, 20, one a window: the second leaves with the 10 that fit.
    expect(sizes[1]).toBe(10);
    expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(60);
  });

  it('sends in batches, recording each item of the reply', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 25);
    const server = closeLater(
      await startTestServer((n) => (n === 7 ? { kind: 'status', status: 400 } : { kind: 'accept' })),
    );
    const sender = setup(db, server.url);
    await sender.start(id, { rate: 100, batchSize: 10 });
    const final = await sender.whenSettled(id);
    expect(server.received.map((r) => r.path)).toEqual([
      '/v1/omnimessages',
      '/v1/omnimessages',
      '/v1/omnimessages',
    ]);
    expect(final.counts.accepted).toBe(24);
    expect(final.counts.failed).toBe(1);
    expect(states(db, id)[7]).toBe('failed');
    const ids = db.prepare('SELECT omnimessage_id FROM messages WHERE state = ?').all('accepted') as {
      omnimessage_id: string;
    }[];
    expect(ids.map((r) => r.omnimessage_id).sort()).toEqual(server.received.flatMap((r) => r.ids).sort());
  });

  it('after a crash marks the campaign interrupted and in-flight rows unknown, and never resumes by itself', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 3);
    db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ?").run(id);
    db.prepare("UPDATE messages SET state = 'sending' WHERE row = 2").run();
    db.prepare(
      "INSERT INTO send_attempts (message_id, started_at) SELECT id, 'x' FROM messages WHERE row = 2",
    ).run();
    const server = closeLater(await startTestServer());
    const sender = setup(db, server.url);
    expect(sender.recoverInterrupted()).toEqual([id]);
    expect(sender.progress(id).status).toBe('interrupted');
    expect(states(db, id)).toEqual(['queued', 'unknown', 'queued']);
    const attempt = db.prepare('SELECT outcome, finished_at FROM send_attempts').get() as {
      outcome: string;
      finished_at: string;
    };
    expect(attempt.outcome).toBe('interrupted');
    await sleep(100);
    expect(server.received).toHaveLength(0);

    await sender.resume(id);
    expect((await sender.whenSettled(id)).counts.accepted).toBe(2);
    expect(recipients(server)).toEqual(['+37250000000', '+37250000002']);

    // The operator decides: send row 2 again.
    expect(sender.markUnknownAs(id, [2], 'again')).toEqual({ asked: 1, changed: 1 });
    expect(sender.progress(id).status).toBe('paused');
    await sender.resume(id);
    expect((await sender.whenSettled(id)).counts).toMatchObject({ accepted: 3, unknown: 0 });
    expect(recipients(server)).toEqual(['+37250000000', '+37250000002', '+37250000001']);
  });

  it('refuses a rate above Messente’s limit unless explicitly allowed, and one below 1', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 1);
    const server = closeLater(await startTestServer());
    const sender = setup(db, server.url);
    await expect(sender.start(id, { rate: 151 })).rejects.toThrow(/between 1 and 150 messages per second/);
    await expect(sender.start(id, { rate: 0.5 })).rejects.toThrow(/got 0\.5/);
    expect(sender.progress(id).status).toBe('draft');
  });
});
