// The engine with rows at their own delivery times, against the simulator on a clock the test
// moves: each row carries its own time_to_send, a row whose time has passed follows the operator's
// choice, a row beyond Messente's window waits in Omnicast until the window reaches it, and a
// cancel deletes what is still ahead and reports what already went.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { getCampaign, insertCampaign } from '../db/queries/campaigns';
import { insertMessages, pageMessages, type NewMessage, type RowTime } from '../db/queries/messages';
import { EventBus } from '../events';
import { createMessenteClient } from '../messente';
import { startSimulator, type RunningSimulator } from '../simulator';
import { tempDir } from '../testing/temp-dir';
import { createSender, type Sender } from './index';
import { PASSED_AT_SUBMISSION } from './row-times';

const T = Date.parse('2026-03-27T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function campaignWith(db: Db, past: 'skip' | 'send-now', times: (Partial<RowTime> | null)[]): number {
  const id = insertCampaign(db, {
    name: 'Reminders',
    testMode: true,
    template: 'See you soon',
    sender: 'Clinic',
    autoconvert: 'on',
    country: 'EE',
    columns: ['phone', 'Appointment'],
    phoneColumn: 0,
    sourceFile: 'clinic.csv',
    rate: 10,
    deliveryPlan: {
      column: 1,
      format: 'iso',
      rule: { kind: 'at' },
      quietHours: null,
      zone: 'Europe/Tallinn',
      countryColumn: null,
    },
    problemChoices: { unparseable: 'skip', past, tooFar: 'keep-queued' },
  });
  const rows: NewMessage[] = times.map((t, i) => {
    const to = `+3725100000${i}`;
    return {
      row: i + 1,
      fields: [to, ''],
      rawPhone: to,
      to,
      state: 'queued',
      skipReason: null,
      text: `Reminder ${i + 1}`,
      encoding: 'GSM-7',
      segments: 1,
      costMinMicros: 50_000,
      costMaxMicros: 50_000,
      time: {
        appointment: null,
        sendAt: null,
        zone: 'Europe/Tallinn',
        problem: null,
        holdUntil: null,
        ...t,
      },
    };
  });
  insertMessages(db, id, rows);
  return id;
}

async function setUp(clock: { t: number }): Promise<{ db: Db; sim: RunningSimulator; sender: Sender }> {
  const db = openDatabase(tempDir('omnicast-row-times-'));
  const sim = await startSimulator({ port: 0, username: 'u', password: 'p', now: () => clock.t });
  const sender = createSender({
    db,
    events: new EventBus(),
    wallClock: () => clock.t,
    holdCheckMs: 20,
    getClient: async () =>
      createMessenteClient({ apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username: 'u', password: 'p' }),
  });
  cleanups.push(
    () => void db.close(),
    () => sim.close(),
    () => sender.shutdown(),
  );
  return { db, sim, sender };
}

const byPhone = (sim: RunningSimulator) =>
  Object.fromEntries(sim.accepted().map((a) => [a.to, a.timeToSend]));

describe('rows at their own delivery times', () => {
  it('sends each row with its own time; a row whose time passed is skipped, with why', async () => {
    const clock = { t: T };
    const { db, sim, sender } = await setUp(clock);
    const id = campaignWith(db, 'skip', [{ sendAt: iso(T + HOUR) }, { sendAt: iso(T - 60_000) }, {}]);
    await sender.start(id, { rate: 50, batchSize: 2 });
    expect((await sender.whenSettled(id)).status).toBe('completed');
    expect(byPhone(sim)).toEqual({ '+37251000000': iso(T + HOUR), '+37251000002': null });
    const rows = pageMessages(db, id, 0, 10);
    expect(rows.map((r) => r.state)).toEqual(['accepted', 'skipped', 'accepted']);
    expect(rows[1]).toMatchObject({ skipReason: PASSED_AT_SUBMISSION, timeProblem: 'past' });
    expect(getCampaign(db, id)?.scheduledUntil).toBe(iso(T + HOUR));
    // Cancelled before the first row's time: it is deleted; the row sent at once has gone.
    expect(await sender.cancel(id)).toMatchObject({ cancelled: 1, alreadySent: 1, unknown: 0 });
  });

  it('with "send now" for passed rows, one whose time passed goes out at once', async () => {
    const clock = { t: T };
    const { db, sim, sender } = await setUp(clock);
    const id = campaignWith(db, 'send-now', [{ sendAt: iso(T - 60_000) }, { sendAt: iso(T + 2 * HOUR) }]);
    await sender.start(id, { rate: 50 });
    await sender.whenSettled(id);
    expect(byPhone(sim)).toEqual({ '+37251000000': null, '+37251000001': iso(T + 2 * HOUR) });
  });

  it('holds a row beyond the window until it opens, then cancels what is ahead and reports what went', async () => {
    const clock = { t: T };
    const { db, sim, sender } = await setUp(clock);
    const far = T + 31 * DAY;
    const id = campaignWith(db, 'skip', [
      { sendAt: iso(T + HOUR) },
      { sendAt: iso(far), problem: 'too-far', holdUntil: iso(far - 30 * DAY) },
      { sendAt: iso(T + 2 * DAY) },
    ]);
    await sender.start(id, { rate: 50 });
    while (sim.accepted().length < 2) await new Promise((r) => setTimeout(r, 10));
    // The held row waits in Omnicast; the campaign keeps sending until it is submitted.
    await new Promise((r) => setTimeout(r, 60));
    expect(sender.progress(id).status).toBe('sending');
    expect(pageMessages(db, id, 0, 10)[1]).toMatchObject({ state: 'queued', holdUntil: iso(T + DAY) });
    clock.t = T + DAY + 1_000;
    expect((await sender.whenSettled(id)).status).toBe('completed');
    expect(byPhone(sim)['+37251000001']).toBe(iso(far));
    expect(getCampaign(db, id)?.scheduledUntil).toBe(iso(far));

    // Past the first row's time: it went; the other two are still ahead and are deleted.
    const summary = await sender.cancel(id);
    expect(summary).toMatchObject({ cancelled: 2, alreadySent: 1, unknown: 0 });
    expect(pageMessages(db, id, 0, 10).map((r) => [r.state, r.scheduleCancel])).toEqual([
      ['accepted', 'already-sent'],
      ['cancelled', 'cancelled'],
      ['cancelled', 'cancelled'],
    ]);
    expect(sim.toDeliver().map((m) => m.to)).toEqual(['+37251000000']);
  });
});
