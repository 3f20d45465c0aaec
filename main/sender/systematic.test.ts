// Failures no recipient can cause pause the campaign within a few requests, with no row failed for
// them; refusals about the recipient still fail only their row.
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { useSimulatorSender } from './simulator-fixture';
import { seedCampaign } from './test-support';

const setup = useSimulatorSender({ seed: 11 });

const states = (db: Db, id: number) =>
  Object.fromEntries(
    (
      db
        .prepare('SELECT state, COUNT(*) AS n FROM messages WHERE campaign_id = ? GROUP BY state')
        .all(id) as { state: string; n: number }[]
    ).map((r) => [r.state, r.n]),
  );

describe('stopping on a systematic failure', () => {
  it('a wrong API URL (404) pauses within the first few requests; no row is failed', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 50);
    const { sender } = await setup(db, {}, { apiSuffix: '/v2' });
    await sender.start(id, { rate: 20, maxInFlight: 2 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('paused');
    expect(final.stopReason).toMatch(/HTTP 404.*Check the API URL in Settings/);
    expect(states(db, id)).toEqual({ queued: 50 });
    const attempts = db.prepare('SELECT COUNT(*) AS n FROM send_attempts').get() as { n: number };
    expect(attempts.n).toBeLessThanOrEqual(7);
  });

  it('a refused sender name pauses, single and bulk, and says to check the sender name', async () => {
    for (const batchSize of [1, 10]) {
      const db = openMemoryDatabase();
      const id = seedCampaign(db, 60);
      db.prepare("UPDATE campaigns SET sender = 'Not A Sender!' WHERE id = ?").run(id);
      const { sim, sender } = await setup(db);
      await sender.start(id, { rate: 40, batchSize, maxInFlight: 2 });
      const final = await sender.whenSettled(id);
      expect(final.status).toBe('paused');
      expect(final.stopReason).toContain('sender name "Not A Sender!"');
      expect(states(db, id)).toEqual({ queued: 60 });
      expect(sim.accepted()).toHaveLength(0);
      await sim.close();
    }
  });

  it('invalid numbers fail only their rows, even many in a row', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 12);
    db.prepare("UPDATE messages SET recipient = '12' WHERE campaign_id = ? AND row <= 8").run(id);
    const { sender } = await setup(db);
    await sender.start(id, { rate: 40, maxInFlight: 1 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(states(db, id)).toEqual({ failed: 8, accepted: 4 });
  });
});
