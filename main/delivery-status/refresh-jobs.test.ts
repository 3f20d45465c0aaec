// Refreshes as background jobs, against the simulator over real sockets: throttled progress and a
// final done event, a second start joining the running job, and a cancel that lets in-flight
// requests finish but starts nothing new.
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusRefreshProgress } from '../../shared/contract';
import { openMemoryDatabase, type Db } from '../db/database';
import { RequestLimiter } from './limiter';
import { createStatusPoller, type StatusClient } from './poller';
import { countRefreshable, createRefreshJobs, refreshError } from './refresh-jobs';
import { clientFor, sentCampaign, startTestSimulator } from './test-support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Seen extends StatusRefreshProgress {
  at: number;
}

/** A campaign of `rows` sent to the simulator, and jobs refreshing at `perSecond` requests/s. */
async function setup(rows: number, perSecond: number, getClient?: () => Promise<StatusClient>) {
  const sim = await startTestSimulator({ statusDelayMs: 0 });
  const db: Db = openMemoryDatabase();
  const limiter = new RequestLimiter({ capacity: perSecond, windowMs: 1_000 });
  const poller = createStatusPoller({
    db,
    limiter,
    maxInFlight: 4,
    getClient: getClient ?? (async () => clientFor(sim)),
  });
  cleanups.push(
    () => sim.close(),
    () => void db.close(),
    () => poller.stop(),
  );
  const id = await sentCampaign(db, sim, rows, Date.now());
  const events: Seen[] = [];
  const jobs = createRefreshJobs({ db, poller, emit: (p) => events.push({ ...p, at: Date.now() }) });
  const checkedRows = () =>
    (
      db
        .prepare('SELECT COUNT(*) AS n FROM messages WHERE campaign_id = ? AND status_checks > 0')
        .get(id) as {
        n: number;
      }
    ).n;
  return { db, id, jobs, events, checkedRows };
}

const doneOf = (events: Seen[]) => events.filter((e) => e.done);

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('status refresh jobs', () => {
  it('returns at once, reports progress at most 4 times a second and ends with one done event', async () => {
    const { db, id, jobs, events, checkedRows } = await setup(60, 20);
    expect(countRefreshable(db, id)).toBe(60);
    const before = Date.now();
    expect(jobs.start(id)).toEqual({ started: true, total: 60 });
    expect(Date.now() - before).toBeLessThan(100);
    expect(events[0]).toMatchObject({ campaignId: id, checked: 0, total: 60, done: false });

    const final = await jobs.whenDone(id);
    expect(final).toEqual({
      campaignId: id,
      checked: 60,
      total: 60,
      changed: 60,
      done: true,
      cancelled: false,
      error: null,
    });
    expect(doneOf(events)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ done: true, checked: 60 });
    const ticks = events.filter((e) => !e.done && e.checked > 0);
    // 60 rows at 20/s take two seconds: several ticks, never two within a quarter second.
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i]!.at - ticks[i - 1]!.at).toBeGreaterThanOrEqual(240);
      expect(ticks[i]!.checked).toBeGreaterThanOrEqual(ticks[i - 1]!.checked);
    }
    expect(checkedRows()).toBe(60);
    expect(countRefreshable(db, id)).toBe(0);
    expect(jobs.whenDone(id)).toBeNull();
  }, 15_000);

  it('joins a running refresh instead of starting a second one', async () => {
    const { id, jobs, events, checkedRows } = await setup(30, 15);
    expect(jobs.start(id)).toEqual({ started: true, total: 30 });
    await until(() => events.some((e) => e.checked > 0));
    const joined = jobs.start(id);
    expect(joined).toEqual({ started: false, total: 30 });
    // The joiner hears at once where the job is.
    expect(events.at(-1)!.checked).toBeGreaterThan(0);
    await jobs.whenDone(id);
    expect(doneOf(events)).toHaveLength(1);
    expect(doneOf(events)[0]!.checked).toBe(30);
    // Each row was asked once: the join did not start a second pass.
    expect(checkedRows()).toBe(30);
  }, 15_000);

  it('cancels: in-flight requests are recorded, nothing new starts, the done event says cancelled', async () => {
    const { db, id, jobs, events, checkedRows } = await setup(60, 20);
    jobs.start(id);
    await until(() => events.some((e) => e.checked >= 5));
    expect(await jobs.cancel(id)).toBe(true);
    const final = doneOf(events);
    expect(final).toHaveLength(1);
    expect(final[0]).toMatchObject({ done: true, cancelled: true, error: null });
    expect(final[0]!.checked).toBeLessThan(60);
    expect(checkedRows()).toBe(final[0]!.checked);
    await new Promise((r) => setTimeout(r, 400));
    expect(checkedRows()).toBe(final[0]!.checked);
    expect(countRefreshable(db, id)).toBe(60 - final[0]!.checked);
    expect(await jobs.cancel(id)).toBe(false);
    // A new start after a cancel asks about the rest only.
    expect(jobs.start(id)).toEqual({ started: true, total: 60 - final[0]!.checked });
    await jobs.whenDone(id);
    expect(checkedRows()).toBe(60);
  }, 15_000);

  it('says what went wrong when no status could be checked', async () => {
    const { id, jobs } = await setup(3, 50, async () => {
      throw new Error('Add your Messente API username and password in Settings.');
    });
    jobs.start(id);
    const final = await jobs.whenDone(id);
    expect(final).toMatchObject({ done: true, checked: 3, changed: 0, cancelled: false });
    expect(final!.error).toBe(
      'Delivery statuses could not be checked: Add your Messente API username and password in Settings.',
    );
  }, 15_000);

  it('words partial failures as retried later', () => {
    expect(refreshError({ checked: 10, errors: 0, lastError: null })).toBeNull();
    expect(refreshError({ checked: 10, errors: 2, lastError: 'timeout' })).toBe(
      '2 of 10 statuses could not be checked (timeout); they will be asked again later.',
    );
  });
});
