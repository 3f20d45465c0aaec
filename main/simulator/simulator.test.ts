// The simulator over real HTTP (global fetch against loopback, nothing mocked): log, rate window,
// auth, validation, routing errors, faults by seed and status sequences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './index';
import { tempDir } from '../testing/temp-dir';

const AUTH = {
  authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
  'content-type': 'application/json',
};
const running: RunningSimulator[] = [];

async function sim(options: Partial<SimulatorOptions> = {}) {
  const s = await startSimulator({ port: 0, username: 'u', password: 'p', ...options });
  running.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = AUTH) {
  const res = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

const one = (to: string, extra: Record<string, unknown> = {}) => ({
  to,
  messages: [{ channel: 'sms', text: 'Hi', sender: 'Shop', ...extra }],
});

describe('simulator', () => {
  it('logs one JSON line per accepted omnimessage, single and bulk, and none for refused ones', async () => {
    const log = join(tempDir('omnicast-sim'), 'sim.jsonl');
    const s = await sim({ logFile: log });
    const single = await call(`${s.apiUrl}/omnimessage`, 'POST', one('+37251234567'));
    expect(single.status).toBe(201);
    const bulk = await call(`${s.apiUrl}/omnimessages`, 'POST', {
      messages: [one('+37251111111'), one('nope'), one('+37252222222')],
    });
    expect(bulk.status).toBe(201);
    const items = bulk.json?.['messages'] as Record<string, unknown>[];
    expect(items.map((i) => ('errors' in i ? 'error' : 'ok'))).toEqual(['ok', 'error', 'ok']);
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => l['to'])).toEqual(['+37251234567', '+37251111111', '+37252222222']);
    expect(lines[0]).toEqual({
      omnimessage_id: single.json?.['omnimessage_id'],
      to: '+37251234567',
      sender: 'Shop',
      text: 'Hi',
      received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(s.accepted().map((a) => a.omnimessageId)).toEqual(lines.map((l) => l['omnimessage_id']));
  });

  it('answers 429 above N requests in any sliding second, with Retry-After', async () => {
    let clock = 10_000;
    const s = await sim({ rateLimit: 3, now: () => clock });
    const statuses = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await call(`${s.apiUrl}/phonebook/blacklist`, 'GET')).status);
      return out;
    };
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
    clock += 600;
    const limited = await call(`${s.apiUrl}/phonebook/blacklist`, 'GET');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    clock += 400; // the first three leave the window exactly one second after they entered it
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
  });

  it('requires Basic auth with the configured credentials (401, code 103)', async () => {
    const s = await sim();
    const none = await call(`${s.apiUrl}/omnimessage`, 'POST', one('+37251234567'), {
      'content-type': 'application/json',
    });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ errors: [{ code: '103', title: 'Unauthorized', source: null }] });
    const wrong = { ...AUTH, authorization: `Basic ${Buffer.from('u:x').toString('base64')}` };
    expect((await call(`${s.apiUrl}/omnimessage`, 'POST', one('+37251234567'), wrong)).status).toBe(401);
    expect(s.accepted()).toHaveLength(0);
  });

  it('validates like Messente: 106 missing, 105 invalid with source', async () => {
    const s = await sim();
    const errorsOf = async (body: unknown) =>
      (await call(`${s.apiUrl}/omnimessage`, 'POST', body)).json?.['errors'];
    expect(await errorsOf({ messages: [{ channel: 'sms', text: 'x' }] })).toMatchObject([
      { code: '106', source: 'payload[to]' },
    ]);
    expect(await errorsOf({ to: '+37251234567' })).toMatchObject([
      { code: '106', source: 'payload[messages]' },
    ]);
    expect(await errorsOf(one('+37251234567', { autoconvert: 'yes' }))).toMatchObject([
      { code: '105', source: 'payload[sms][autoconvert]' },
    ]);
    expect(await errorsOf(one('+37251234567', { sender: '1234567890123456' }))).toMatchObject([
      { code: '105', source: 'payload[sms][sender]' },
    ]);
    expect(await errorsOf(one('+37251234567', { channel: 'fax' }))).toMatchObject([
      { code: '105', source: 'payload[messages][channel]' },
    ]);
    const ok = await call(
      `${s.apiUrl}/omnimessage`,
      'POST',
      one('+37251234567', { sender: '37255555555', autoconvert: 'full' }),
    );
    expect(ok.status).toBe(201);
  });

  it('answers unknown paths 404 and wrong methods 405 with Messente error bodies', async () => {
    const s = await sim();
    expect(await call(`${s.apiUrl}/nothing`, 'GET')).toMatchObject({
      status: 404,
      json: { errors: [{ code: '101' }] },
    });
    expect(await call(`${s.apiUrl}/omnimessage`, 'GET')).toMatchObject({
      status: 405,
      json: { errors: [{ code: '107' }] },
    });
  });

  it('makes the same fault decisions for the same seed', async () => {
    const pattern = async () => {
      const s = await sim({ failRate: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++)
        out.push((await call(`${s.apiUrl}/omnimessage`, 'POST', one('+37251234567'))).status);
      return out;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(201);
    expect(await pattern()).toEqual(first);
  });

  it('moves statuses to configured failures with err codes, and after time_to_send only', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const s = await sim({ now: () => clock, statusDelayMs: 1_000, deliveryRates: { undeliv: 1 } });
    const sent = await call(`${s.apiUrl}/omnimessage`, 'POST', {
      ...one('+4915112345678'),
      time_to_send: '2030-01-01T01:00:00',
    });
    const url = `${s.apiUrl}/omnimessage/${String(sent.json?.['omnimessage_id'])}/status`;
    const statusNow = async () =>
      ((await call(url, 'GET')).json?.['statuses'] as Record<string, unknown>[])[0];
    clock += 10_000;
    const pending = await statusNow();
    expect(pending).not.toHaveProperty('status');
    expect(pending).not.toHaveProperty('price_info');
    clock = Date.parse('2030-01-01T01:00:02Z');
    expect(await statusNow()).toMatchObject({
      status: 'UNDELIV',
      err: 1,
      timestamp: '2030-01-01T01:00:02.000Z',
      price_info: { part_price: '0.09', parts_count: 1, total_price: '0.09' },
    });
  });

  it('serves legacy prices as JSON and refuses wrong legacy credentials', async () => {
    const s = await sim();
    const ok = await call(`${s.legacyUrl}/prices?username=u&password=p&country=EE&format=json`, 'GET');
    expect(ok.json).toMatchObject({
      country: 'EE',
      prefix: '372',
      networks: [{ mccmnc: 24801 }, { mccmnc: 24802 }],
    });
    expect((await call(`${s.legacyUrl}/get_balance?username=u&password=x`, 'GET')).text).toBe('ERROR 101');
  });
});
