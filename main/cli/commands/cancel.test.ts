import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { EventBus } from '../../events';
import { createMessenteClient } from '../../messente';
import { createSender } from '../../sender';
import { seedCampaign } from '../../sender/test-support';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { tempDir } from '../../testing/temp-dir';
import { omnicast, omnicastAt } from '../test-run';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ENV = { MESSENTE_USERNAME: 'u', MESSENTE_PASSWORD: 'p' };

/** A data folder with a campaign of `count` rows sent to the simulator for delivery in an hour. */
async function scheduledCampaign(count: number, clock: { t: number }) {
  const sim: RunningSimulator = await startSimulator({
    port: 0,
    username: 'u',
    password: 'p',
    now: () => clock.t,
  });
  const dir = tempDir('omnicast-cancel');
  cleanups.push(() => sim.close());
  const db = openDatabase(dir);
  const id = seedCampaign(db, count);
  db.prepare('UPDATE campaigns SET test_mode = 0 WHERE id = ?').run(id);
  const sender = createSender({
    db,
    events: new EventBus(),
    getClient: async () =>
      createMessenteClient({ apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username: 'u', password: 'p' }),
  });
  await sender.start(id, { rate: 50, timeToSend: new Date(Date.now() + 3_600_000).toISOString() });
  await sender.whenSettled(id);
  await sender.shutdown();
  db.close();
  return { sim, dir, id };
}

describe('omnicast cancel', () => {
  it('cancels a scheduled campaign before its time: nothing is left to deliver', async () => {
    const clock = { t: Date.now() };
    const { sim, dir, id } = await scheduledCampaign(8, clock);
    expect(sim.toDeliver()).toHaveLength(8);
    const r = await omnicastAt(sim, dir, ['cancel', String(id), '--yes'], ENV);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is cancelled: 8 rows cancelled');
    expect(r.stdout).toContain('Scheduled messages at Messente: 8 cancelled, 0 already sent, 0 unknown.');
    expect(sim.toDeliver()).toEqual([]);

    const report = await omnicast(['status', String(id), '--data-dir', dir]);
    expect(report.stdout).toContain('Scheduled messages cancelled at Messente: 8');
  });

  it('refuses a bad id, and says when there is no such campaign', async () => {
    const dir = tempDir('omnicast-cancel');
    expect((await omnicast(['cancel', 'x', '--data-dir', dir])).code).toBe(2);
    const none = await omnicast(['cancel', '9', '--yes', '--data-dir', dir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('there is no campaign 9');
  });
});
