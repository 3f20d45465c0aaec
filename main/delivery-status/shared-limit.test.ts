// Sending and status checks together against a simulator that answers 429 above its limit: the
// shared budget keeps the sum within it in every window, and polls still progress while sending.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../db/database';
import { EventBus } from '../events';
import { createSender } from '../sender';
import { seedCampaign } from '../sender/test-support';
import { RequestLimiter } from './limiter';
import { createStatusPoller } from './poller';
import { clientFor, sentCampaign, startTestSimulator } from './test-support';
import { mostInWindow } from '../sender/arrivals';

const mostInSecond = (times: number[]) => mostInWindow([...times].sort((a, b) => a - b));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('status checks share the sending budget', () => {
  it('never exceeds the limit in any 1-s window while sending and polling together', async () => {
    // The budget is a little under the simulator's limit: the simulator runs in this process, so a
    // busy event loop delays arrivals (not starts) and would otherwise make it see a fuller window.
    const LIMIT = 27;
    const sim = await startTestSimulator({ rateLimit: 30 });
    const db = openMemoryDatabase();
    cleanups.push(
      () => sim.close(),
      () => void db.close(),
    );
    const polled = await sentCampaign(db, sim, 25, Date.now());
    await new Promise((r) => setTimeout(r, 1_100)); // the seeding requests leave the simulator's window

    const limiter = new RequestLimiter({ capacity: LIMIT });
    const sends: number[] = [];
    const polls: number[] = [];
    const sender = createSender({
      db,
      events: new EventBus(),
      limiter,
      getClient: async () => {
        const client = clientFor(sim);
        return {
          sendOmnimessage: (body) => {
            sends.push(performance.now());
            return client.sendOmnimessage(body);
          },
          sendOmnimessages: (bodies) => client.sendOmnimessages(bodies),
          close: () => client.close(),
        };
      },
    });
    const poller = createStatusPoller({
      db,
      limiter,
      getClient: async () => {
        const client = clientFor(sim);
        return {
          getStatus: (id) => {
            polls.push(performance.now());
            return client.getStatus(id);
          },
          close: () => client.close(),
        };
      },
    });
    cleanups.push(
      () => poller.stop(),
      () => sender.shutdown(),
    );

    const sending = seedCampaign(db, 90);
    await sender.start(sending, { rate: LIMIT });
    const refreshed = poller.refreshCampaign(polled);
    const [progress, summary] = await Promise.all([sender.whenSettled(sending), refreshed]);

    expect(progress.status).toBe('completed');
    expect(progress.counts.accepted).toBe(90);
    expect(summary).toMatchObject({ checked: 25, errors: 0 });
    // Nothing but a 429 was refused. The simulator shares this process, so on a loaded machine
    // its arrivals bunch and it may refuse one with 429 even though the starts (checked below, as
    // the budget sees them) kept the limit; the row then went out once after backing off.
    const refused = db
      .prepare(
        "SELECT outcome, http_status AS status, error_detail AS detail FROM send_attempts WHERE outcome <> 'accepted' AND http_status IS NOT 429",
      )
      .all();
    expect(refused).toEqual([]);
    expect(sim.accepted()).toHaveLength(25 + 90);
    expect(mostInSecond([...sends, ...polls])).toBeLessThanOrEqual(LIMIT);
    // Polls did not wait for sending to finish: most ran while sends were still going.
    const lastSend = Math.max(...sends);
    expect(polls.filter((t) => t < lastSend).length).toBeGreaterThanOrEqual(15);
  }, 20_000);
});
