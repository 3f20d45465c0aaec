// The simulator with each omnimessage at its own time (a bulk of rows with different time_to_send),
// on a clock the test moves: each is held until its own time then delivered with statuses, a
// DELETE before that time cancels it (202) and after it is 404, its log line carries the time, and
// a time beyond Messente's 30-day window is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './index';
import { tempDir } from '../testing/temp-dir';

const AUTH = {
  authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
  'content-type': 'application/json',
};
const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: AUTH,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const at = (iso: string) => Date.parse(iso);
const message = (to: string, time: string) => ({
  to,
  time_to_send: time,
  messages: [{ channel: 'sms', text: 'Reminder', sender: 'Clinic' }],
});

describe('simulator, one delivery time per message', () => {
  it('holds each message of a bulk until its own time, honouring DELETE only until then', async () => {
    const clock = { t: at('2026-03-27T08:00:00Z') };
    const logFile = join(tempDir('omnicast-sim-rows-'), 'sim.log');
    const sim = await startSimulator({
      port: 0,
      username: 'u',
      password: 'p',
      now: () => clock.t,
      statusDelayMs: 1_000,
      logFile,
    });
    running.push(sim);
    const times = ['2026-03-28T07:00:00.000Z', '2026-03-29T05:00:00.000Z', '2026-03-30T06:30:00.000Z'];
    const phones = ['+37251000001', '+46701234567', '+37251000003'];
    const sent = await call(`${sim.apiUrl}/omnimessages`, 'POST', {
      messages: times.map((t, i) => message(phones[i]!, t)),
    });
    expect(sent.status).toBe(201);
    const ids = (sent.json['messages'] as { omnimessage_id: string }[]).map((m) => m.omnimessage_id);
    const logged = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to: string; time_to_send?: string });
    expect(logged.map((l) => [l.to, l.time_to_send])).toEqual(phones.map((p, i) => [p, times[i]]));

    const statusOf = async (id: string) =>
      (
        (await call(`${sim.apiUrl}/omnimessage/${id}/status`, 'GET')).json['statuses'] as {
          status?: string;
        }[]
      )[0];
    // Past the first time only: the first is delivered, the others wait.
    clock.t = at('2026-03-28T07:00:05Z');
    expect((await statusOf(ids[0]!))?.status).toBe('DELIVRD');
    expect(await statusOf(ids[1]!)).not.toHaveProperty('status');
    expect((await call(`${sim.apiUrl}/omnimessage/${ids[0]!}`, 'DELETE')).status).toBe(404);
    expect((await call(`${sim.apiUrl}/omnimessage/${ids[1]!}`, 'DELETE')).status).toBe(202);
    expect(sim.cancelled()).toEqual([ids[1]]);
    // The third still waits for its own time, then goes out.
    clock.t = at('2026-03-30T06:30:03Z');
    expect((await statusOf(ids[2]!))?.status).toBe('DELIVRD');
    expect((await call(`${sim.apiUrl}/omnimessage/${ids[2]!}`, 'DELETE')).status).toBe(404);
    expect(sim.toDeliver().map((m) => m.timeToSend)).toEqual([times[0], times[2]]);
  });

  it("refuses a time beyond Messente's 30-day window, item by item", async () => {
    const clock = { t: at('2026-03-27T08:00:00Z') };
    const sim = await startSimulator({ port: 0, username: 'u', password: 'p', now: () => clock.t });
    running.push(sim);
    const single = await call(
      `${sim.apiUrl}/omnimessage`,
      'POST',
      message('+37251000001', '2026-04-27T08:00:01Z'),
    );
    expect(single.status).toBe(400);
    expect(JSON.stringify(single.json)).toContain('at most 30 days ahead');
    const bulk = await call(`${sim.apiUrl}/omnimessages`, 'POST', {
      messages: [
        message('+37251000001', '2026-04-26T08:00:00Z'),
        message('+37251000002', '2026-05-01T08:00:00Z'),
      ],
    });
    const items = bulk.json['messages'] as Record<string, unknown>[];
    expect(items[0]).toHaveProperty('omnimessage_id');
    expect(items[1]).toHaveProperty('errors');
    expect(sim.accepted()).toHaveLength(1);
  });
});
