// Cancelling (or pausing) a scheduled campaign cancels its accepted messages at Messente: before
// their time nothing is left to be delivered (the simulator's log agrees); after it, the rows say
// "already sent".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { scheduleCancelCounts } from '../db/queries/schedule-cancel';
import { EventBus } from '../events';
import { createMessenteClient } from '../messente';
import { startSimulator } from '../simulator';
import { createSender } from './index';
import { seedCampaign } from './test-support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A simulator and a sender sharing one wall clock the test moves. */
async function setup(db: Db) {
  const clock = { t: Date.now() };
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-unschedule-'));
  const logFile = join(dir, 'sim.jsonl');
  const sim = await startSimulator({
    port: 0,
    username: 'u',
    password: 'p',
    now: () => clock.t,
    logFile,
    seed: 7,
  });
  const sender = createSender({
    db,
    events: new EventBus(),
    wallClock: () => clock.t,
    getClient: async () =>
      createMessenteClient({ apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username: 'u', password: 'p' }),
  });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => sim.close(),
    () => sender.shutdown(),
  );
  const log = () =>
    readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { omnimessage_id: string; cancelled_at?: string });
  return { clock, sim, sender, log };
}

const states = (db: Db, id: number) =>
  db
    .prepare('SELECT state, schedule_cancel AS c FROM messages WHERE campaign_id = ? ORDER BY row')
    .all(id) as { state: string; c: string | null }[];

const inOneHour = (t: number) => new Date(t + 3_600_000).toISOString();

describe('cancelling scheduled messages at Messente', () => {
  it('cancelled before its time: every message cancelled, nothing left to deliver', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 12);
    const { clock, sim, sender, log } = await setup(db);
    await sender.start(id, { rate: 50, timeToSend: inOneHour(clock.t) });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(12);
    expect(sim.toDeliver()).toHaveLength(12);

    const summary = await sender.cancel(id);
    expect(summary).toEqual({ cancelled: 12, alreadySent: 0, unknown: 0, stopped: null });
    expect(states(db, id).every((r) => r.state === 'cancelled' && r.c === 'cancelled')).toBe(true);
    expect(sim.toDeliver()).toEqual([]);
    const cancelledInLog = new Set(
      log()
        .filter((l) => l.cancelled_at)
        .map((l) => l.omnimessage_id),
    );
    expect(cancelledInLog).toEqual(new Set(sim.accepted().map((a) => a.omnimessageId)));
    expect(scheduleCancelCounts(db, id)).toEqual({ cancelled: 12, alreadySent: 0, unknown: 0 });
    expect(sender.progress(id).status).toBe('cancelled');
  });

  it('asks again after a 503: at a 20% fault rate every message is still cancelled', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 12);
    const { clock, sim, sender } = await setup(db);
    await sender.start(id, { rate: 50, timeToSend: inOneHour(clock.t) });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(12);
    sim.setFailRate(0.2);
    const summary = await sender.cancel(id);
    expect(summary).toEqual({ cancelled: 12, alreadySent: 0, unknown: 0, stopped: null });
    expect(sim.toDeliver()).toEqual([]);
  });

  it('cancelled after its time: the rows say already sent and stay accepted', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 5);
    const { clock, sim, sender } = await setup(db);
    await sender.start(id, { rate: 50, timeToSend: inOneHour(clock.t) });
    await sender.whenSettled(id);
    clock.t += 2 * 3_600_000;
    const summary = await sender.cancel(id);
    expect(summary).toMatchObject({ cancelled: 0, alreadySent: 5, unknown: 0 });
    expect(states(db, id).every((r) => r.state === 'accepted' && r.c === 'already-sent')).toBe(true);
    expect(sim.toDeliver()).toHaveLength(5);
  });

  it('paused with "also cancel scheduled messages": queued again, and resuming sends them once more', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 6);
    const { clock, sim, sender } = await setup(db);
    await sender.start(id, { rate: 50, timeToSend: inOneHour(clock.t) });
    await sender.whenSettled(id);
    const summary = await sender.pause(id, { cancelScheduled: true });
    expect(summary).toMatchObject({ cancelled: 6 });
    expect(sender.progress(id).status).toBe('paused');
    expect(states(db, id).every((r) => r.state === 'queued')).toBe(true);
    expect(sim.toDeliver()).toEqual([]);

    await sender.resume(id);
    expect((await sender.whenSettled(id)).counts.accepted).toBe(6);
    expect(sim.toDeliver()).toHaveLength(6);
    expect(states(db, id).every((r) => r.state === 'accepted' && r.c === null)).toBe(true);
  });

  it('a campaign without a delivery time sends no cancel request', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 3);
    const { sim, sender } = await setup(db);
    await sender.start(id, { rate: 50 });
    await sender.whenSettled(id);
    expect(await sender.cancel(id)).toBeNull();
    expect(sim.cancelled()).toEqual([]);
  });
});
