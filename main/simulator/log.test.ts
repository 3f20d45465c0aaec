// The simulator's log written off the event loop: lines stay in order, each request's answer waits
// for its own line, and a log that cannot be written fails that request with a 500.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { SimLog } from './log';
import { tempDir } from '../testing/temp-dir';

describe('SimLog', () => {
  it('writes lines queued together in the order they were queued, each there once it resolves', async () => {
    const path = join(tempDir('omnicast-simlog'), 'sim.jsonl');
    const log = new SimLog(path);
    const seen = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.append([`line ${i}`]).then(() => readFileSync(path, 'utf8').includes(`line ${i}\n`)),
      ),
    );
    await log.close();
    expect(seen.every(Boolean)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''));
  });

  it.skipIf(!existsSync('/dev/full'))('rejects the append whose write failed and still closes', async () => {
    const log = new SimLog('/dev/full');
    await expect(log.append(['x'])).rejects.toThrow(/ENOSPC/);
    await expect(log.append(['y'])).rejects.toThrow(/ENOSPC/);
    await log.close();
  });

  it.skipIf(!existsSync('/dev/full'))(
    'makes the simulator answer 500, not 201, when the line cannot be written',
    async () => {
      const sim = await startSimulator({ port: 0, username: 'u', password: 'p', logFile: '/dev/full' });
      try {
        const res = await fetch(`${sim.apiUrl}/omnimessage`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
          body: JSON.stringify({ to: '+37251234567', messages: [{ channel: 'sms', text: 'Hi' }] }),
        });
        expect(res.status).toBe(500);
        expect(await res.text()).toMatch(/ENOSPC/);
      } finally {
        await sim.close();
      }
    },
  );
});
