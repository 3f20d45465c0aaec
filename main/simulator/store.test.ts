// Simulators sharing a store file answer for each other's messages: statuses and cancels outlive
// the process that accepted them (test mode's world), and a damaged line does not stop the rest.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '.';
import { tempDir } from '../testing/temp-dir';

const USER = 'store-test';
const PASSWORD = 'store-test-password';
const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function simulator(storeFile: string, now = Date.now): Promise<RunningSimulator> {
  const sim = await startSimulator({
    port: 0,
    username: USER,
    password: PASSWORD,
    storeFile,
    statusDelayMs: 0,
    now,
  });
  running.push(sim);
  return sim;
}

async function api(sim: RunningSimulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.apiUrl}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const sms = (to: string, timeToSend?: string) => ({
  to,
  messages: [{ channel: 'sms', sender: 'Shop', text: 'Tere' }],
  ...(timeToSend === undefined ? {} : { time_to_send: timeToSend }),
});

describe('simulator store', () => {
  it('answers for messages another simulator accepted, before or after it started', async () => {
    const file = join(tempDir('omnicast-sim-store'), 'store.jsonl');
    const first = await simulator(file);
    const early = await api(first, 'POST', '/omnimessage', sms('+37251234567'));
    const second = await simulator(file);
    const late = await api(first, 'POST', '/omnimessage', sms('+37251234568'));
    for (const sent of [early, late]) {
      const id = String(sent.json.omnimessage_id);
      const status = await api(second, 'GET', `/omnimessage/${id}/status`);
      expect(status.status).toBe(200);
      expect(status.json).toMatchObject({ omnimessage_id: id, to: sent.json.to });
    }
    // The second simulator's own list holds only what it accepted itself.
    expect(second.accepted()).toEqual([]);
    expect((await api(second, 'GET', '/omnimessage/not-an-id/status')).status).toBe(404);
  });

  it('sees a cancel another simulator made, and passes over a damaged line', async () => {
    const file = join(tempDir('omnicast-sim-store'), 'store.jsonl');
    const first = await simulator(file);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const sent = await api(first, 'POST', '/omnimessage', sms('+37251234567', later));
    const id = String(sent.json.omnimessage_id);
    // A process killed in the middle of a write leaves half a line; the next line still counts.
    appendFileSync(file, '{"message":{"omnimess\n');
    const second = await simulator(file);
    expect((await api(second, 'DELETE', `/omnimessage/${id}`)).status).toBe(202);
    const status = await api(first, 'GET', `/omnimessage/${id}/status`);
    expect(status.json.statuses).toMatchObject([{ status: 'DELETED' }]);
    expect((await api(first, 'DELETE', `/omnimessage/${id}`)).status).toBe(404);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });
});
