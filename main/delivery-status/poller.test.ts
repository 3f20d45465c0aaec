import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { getCampaignSummary } from '../db/queries/campaigns';
import { billedDifferences, compareBilled, deliveryCounts, statusHistory } from '../db/queries/statuses';
import type { RunningSimulator } from '../simulator';
import { createStatusPoller, type StatusPoller } from './poller';
import { clientFor, fakeClock, sentCampaign, startTestSimulator } from './test-support';

const MIN = 60_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: Parameters<typeof startTestSimulator>[0] = {}) {
  const clock = fakeClock();
  const sim = await startTestSimulator({ now: clock.now, ...options });
  const db = openMemoryDatabase();
  const poller = createStatusPoller({ db, now: clock.now, getClient: async () => clientFor(sim) });
  cleanups.push(
    () => sim.close(),
    () => void db.close(),
    () => poller.stop(),
  );
  return { clock, sim, db, poller };
}

const rowsOf = (db: Db, id: number) =>
  db
    .prepare(
      'SELECT row, delivered_at, delivery_status, delivery_err, delivery_error, billed_micros, next_status_check_at, status_poll_done, status_checks FROM messages WHERE campaign_id = ? ORDER BY row',
    )
    .all(id) as {
    row: number;
    delivered_at: string | null;
    delivery_status: string | null;
    delivery_err: number | null;
    delivery_error: string | null;
    billed_micros: number | null;
    next_status_check_at: string | null;
    status_poll_done: number;
    status_checks: number;
  }[];

describe('status poller against the simulator', () => {
  it('follows each message on the schedule from ACK to its final status and then stops', async () => {
    const { clock, sim, db, poller } = await setup({
      statusDelayMs: 45_000,
      deliveryRates: { undeliv: 0.2, failed: 0.1, expired: 0.1, rejected: 0.1 },
      pricePerPartEur: { EE: 0.0123 },
    });
    const t0 = clock.t;
    const id = await sentCampaign(db, sim, 40, clock.t);

    // Before the first offset nothing is due.
    clock.advance(30_000);
    expect((await poller.pollDue()).checked).toBe(0);

    clock.advance(30_000); // +1 min: everyone is ACK (one step of 45 s)
    const first = await poller.pollDue();
    expect(first).toMatchObject({ checked: 40, changed: 40, errors: 0 });
    expect(deliveryCounts(db, id)).toEqual({ ACK: 40 });
    expect(
      rowsOf(db, id).every((r) => r.next_status_check_at === new Date(clock.t + 4 * MIN).toISOString()),
    ).toBe(true);

    clock.advance(4 * MIN); // +5 min: every sequence has reached its final status
    const second = await poller.pollDue();
    expect(second).toMatchObject({ checked: 40, changed: 40 });
    const rows = rowsOf(db, id);
    const finals = new Set(rows.map((r) => r.delivery_status));
    expect(
      [...finals].every((s) => ['DELIVRD', 'UNDELIV', 'FAILED', 'EXPIRED', 'REJECTD'].includes(s!)),
    ).toBe(true);
    expect(finals.size).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.status_poll_done).toBe(1);
      expect(r.next_status_check_at).toBeNull();
      expect(r.status_checks).toBe(2);
      if (r.delivery_status === 'DELIVRD') {
        expect(r.delivery_err).toBe(0);
        expect(r.delivered_at).toBe(new Date(t0 + 90_000).toISOString());
      } else {
        expect(r.delivered_at).toBeNull();
        expect(r.delivery_err).toBeGreaterThan(0);
        expect(r.delivery_error).toBeTruthy();
      }
    }
    // Every change is kept with its time: ACK then the final status.
    const history = statusHistory(db, id, 1);
    expect(history.map((h) => h.status)).toEqual(['ACK', rows[0]!.delivery_status]);
    expect(history[1]!.total_price).toBe('0.0123');
    expect(history[1]!.total_price_micros).toBe(12_300);

    clock.advance(2 * 24 * 60 * MIN);
    expect((await poller.pollDue()).checked).toBe(0);
  });

  it('sums billed cost from price_info in exact micros and finds the rows that differ', async () => {
    const { clock, sim, db, poller } = await setup({ pricePerPartEur: { EE: 0.0123 } });
    const id = await sentCampaign(db, sim, 30, clock.t);
    db.prepare('UPDATE messages SET cost_max_micros = 10_000 WHERE campaign_id = ? AND row IN (4, 9)').run(
      id,
    );
    clock.advance(MIN);
    await poller.pollDue();
    expect(getCampaignSummary(db, id)?.billedCostMicros).toBe(369_000);
    expect(compareBilled(db, id)).toEqual({
      predictedMicros: 28 * 12_300 + 2 * 10_000,
      predictedMinMicros: 30 * 12_300,
      billedMicros: 369_000,
      billedRows: 30,
      differingRows: 2,
      unpricedRows: 0,
    });
    expect(billedDifferences(db, id, 10).map((d) => [d.row, d.predictedMicros, d.billedMicros])).toEqual([
      [4, 10_000, 12_300],
      [9, 10_000, 12_300],
    ]);
  });

  it('records an omnimessage Messente does not know (404) once and never asks again', async () => {
    const { clock, sim, db, poller } = await setup();
    const id = await sentCampaign(db, sim, 3, clock.t);
    db.prepare(
      "UPDATE messages SET omnimessage_id = 'no-such-omnimessage' WHERE campaign_id = ? AND row = 2",
    ).run(id);
    clock.advance(MIN);
    expect(await poller.pollDue()).toMatchObject({ checked: 3, notFound: 1 });
    const row2 = rowsOf(db, id)[1]!;
    expect(row2).toMatchObject({
      delivery_status: 'NOT_FOUND',
      status_poll_done: 1,
      next_status_check_at: null,
    });
    expect(statusHistory(db, id, 2).map((h) => h.status)).toEqual(['NOT_FOUND']);
    clock.advance(5 * MIN);
    expect((await poller.pollDue()).checked).toBe(0);
    expect((await poller.refreshCampaign(id)).checked).toBe(0);
  });

  it('refreshes a campaign on demand, before its first scheduled check, and keeps the schedule', async () => {
    const { clock, sim, db, poller } = await setup({ statusDelayMs: 45_000 });
    const id = await sentCampaign(db, sim, 5, clock.t);
    clock.advance(50_000); // not yet due: status is ACK already
    const summary = await poller.refreshCampaign(id);
    expect(summary).toMatchObject({ checked: 5, changed: 5 });
    expect(deliveryCounts(db, id)).toEqual({ ACK: 5 });
    // The scheduled check at +1 min still happens (the status may still change).
    clock.advance(10_000);
    expect((await poller.pollDue()).checked).toBe(5);
  });

  it('keeps answering when a request fails: the row moves on to its next check', async () => {
    const { clock, sim, db } = await setup();
    const id = await sentCampaign(db, sim, 2, clock.t);
    const poller: StatusPoller = createStatusPoller({
      db,
      now: clock.now,
      getClient: async () => {
        throw new Error('no credentials');
      },
    });
    clock.advance(MIN);
    expect(await poller.pollDue()).toMatchObject({ checked: 2, errors: 2, lastError: 'no credentials' });
    expect(rowsOf(db, id).map((r) => r.next_status_check_at)).toEqual([
      new Date(clock.t + 4 * MIN).toISOString(),
      new Date(clock.t + 4 * MIN).toISOString(),
    ]);
    await poller.stop();
  });

  it('runs in the background with injected timers', async () => {
    const clock = fakeClock();
    const sim: RunningSimulator = await startTestSimulator({ now: clock.now });
    const db = openMemoryDatabase();
    cleanups.push(
      () => sim.close(),
      () => void db.close(),
    );
    const id = await sentCampaign(db, sim, 4, clock.t);
    const pending: { fn: () => void; ms: number }[] = [];
    const poller = createStatusPoller({
      db,
      now: clock.now,
      getClient: async () => clientFor(sim),
      idleMs: 10 * MIN,
      timers: {
        setTimeout: (fn, ms) => {
          const t = { fn, ms };
          // The limiter's short waits run for real; the loop's long sleeps are driven by the test.
          if (ms < 1_000) setTimeout(fn, ms);
          else pending.push(t);
          return t;
        },
        clearTimeout: (t) => {
          const i = pending.indexOf(t as { fn: () => void; ms: number });
          if (i >= 0) pending.splice(i, 1);
        },
      },
    });
    cleanups.push(() => poller.stop());
    poller.start();
    await new Promise((r) => setTimeout(r, 50));
    // First pass found nothing due; it sleeps until the first check (+1 min).
    expect(pending.map((p) => p.ms)).toEqual([MIN]);
    clock.advance(MIN);
    pending.shift()!.fn();
    await new Promise((r) => setTimeout(r, 200));
    expect(deliveryCounts(db, id)).toEqual({ DELIVRD: 4 });
  });
});
