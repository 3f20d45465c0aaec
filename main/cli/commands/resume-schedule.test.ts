// `omnicast send --at` then `omnicast resume`, in-process against the real simulator: the schedule
// is kept with the campaign, so a plain resume delivers the rest at the same time, --now clears it,
// and a schedule that has passed is refused (exit 2) before anything is sent.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { setTimeToSend } from '../../db/queries/campaigns';
import type { RunningSimulator } from '../../simulator';
import { CLI_ENV, omnicast, sendTo, startCliSimulator } from '../test-run';
import { tempDir } from '../../testing/temp-dir';

describe('omnicast send --at, then resume', () => {
  let dir: string;
  let sim: RunningSimulator;
  const env = CLI_ENV;

  beforeAll(async () => {
    dir = tempDir('omnicast-schedule');
    sim = await startCliSimulator();
    const phones = ['5123 4561', '5123 4562', '5123 4563', '5123 4564', '5123 4565', '5123 4566'];
    writeFileSync(join(dir, 'six.csv'), `name,phone\n${phones.map((p, i) => `P${i},${p}`).join('\n')}\n`);
    writeFileSync(join(dir, 'prices.csv'), 'country,price\nEE,0.05\n');
  });
  afterAll(async () => {
    await sim.close();
  });

  const api = () => ['--api-url', sim.apiUrl, '--yes'];

  it('keeps the schedule on a plain resume, clears it with --now, refuses one that has passed', async () => {
    const dataDir = join(dir, 'data');
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    // A €0.12 cap at €0.05 a message pauses the campaign after two: "part-way", deterministically.
    const first = await sendTo(
      sim,
      ['six.csv', '--template', 'Hi {{name}}', '--prices', 'prices.csv', '--max-cost', '0.12', '--at', at],
      { cwd: dir, dataDir },
    );
    expect(first.stderr).toContain(`stays scheduled for ${at}`);
    const id = first.stdout.trim().split('\n').at(-1)!;
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at]);

    const list = await omnicast(['campaigns', '--format', 'json', '--data-dir', dataDir], dir, env);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: Number(id), status: 'paused', time_to_send: at }]);
    const status = await omnicast(['status', id, '--data-dir', dataDir], dir, env);
    expect(status.stdout).toContain(`Scheduled for delivery at ${at}`);

    const resumed = await omnicast(
      ['resume', id, '--max-cost', '0.22', '--data-dir', dataDir, ...api()],
      dir,
      env,
    );
    expect(resumed.code, resumed.stderr).toBe(1); // paused again at the new cap
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at, at, at]);

    const both = await omnicast(
      ['resume', id, '--now', '--at', at, '--data-dir', dataDir, ...api()],
      dir,
      env,
    );
    expect(both.code).toBe(2);

    // The stored time passes (as if the campaign had stayed paused past it): refused, nothing sent.
    const past = new Date(Date.now() - 60_000).toISOString();
    const db = openDatabase(dataDir);
    setTimeToSend(db, Number(id), past);
    db.close();
    const refused = await omnicast(['resume', id, '--data-dir', dataDir, ...api()], dir, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`was scheduled for delivery at ${past}, which has passed`);
    expect(refused.stderr).toMatch(/--at NEW .* --now/);
    expect(sim.accepted()).toHaveLength(4);

    const now = await omnicast(
      ['resume', id, '--now', '--max-cost', '1', '--data-dir', dataDir, ...api()],
      dir,
      env,
    );
    expect(now.code, now.stderr).toBe(0);
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at, at, at, null, null]);
    const after = await omnicast(['status', id, '--data-dir', dataDir], dir, env);
    expect(after.stdout).not.toContain('Scheduled');
  });
});
