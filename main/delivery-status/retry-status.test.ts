// Status checks answered 503 (the simulator's fault rate) are asked again, as sending does.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../db/database';
import type { RunningSimulator } from '../simulator';
import { createStatusPoller } from './poller';
import { clientFor, fakeClock, sentCampaign, startTestSimulator } from './test-support';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('status refresh under faults', () => {
  it('retries 503s with back-off: at a 20% fault rate every message is still checked', async () => {
    const clock = fakeClock();
    sim = await startTestSimulator({ now: clock.now, seed: 3 });
    const db = openMemoryDatabase();
    const id = await sentCampaign(db, sim, 40, clock.t);
    sim.setFailRate(0.2);
    const s = sim;
    const poller = createStatusPoller({ db, now: clock.now, getClient: async () => clientFor(s) });
    const summary = await poller.refreshCampaign(id);
    await poller.stop();
    db.close();
    expect(summary.checked).toBe(40);
    expect(summary.errors).toBe(0);
    expect(summary.lastError).toBeNull();
  });
});
