// The client against the real simulator over loopback: every outcome kind from a real socket.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator';
import { createMessenteClient, type MessenteClient } from './index';
import { tempDir } from '../testing/temp-dir';

const USER = 'api-user';
const PASS = 'S3cret&pass';
const open: { sim: RunningSimulator; client: MessenteClient }[] = [];

async function setup(
  sim: Partial<SimulatorOptions> = {},
  client: { password?: string; timeoutMs?: number } = {},
) {
  const running = await startSimulator({ port: 0, username: USER, password: PASS, ...sim });
  const c = createMessenteClient({
    apiUrl: running.apiUrl,
    legacyUrl: running.legacyUrl,
    username: USER,
    password: client.password ?? PASS,
    ...(client.timeoutMs ? { timeoutMs: client.timeoutMs } : {}),
  });
  open.push({ sim: running, client: c });
  return { sim: running, client: c };
}

afterEach(async () => {
  for (const { sim, client } of open.splice(0)) {
    client.close();
    await sim.close();
  }
});

const sms = (to: string, text = 'Hello', sender: string | undefined = 'Shop') => ({
  to,
  messages: [{ channel: 'sms' as const, text, ...(sender === undefined ? {} : { sender }) }],
});

describe('sendOmnimessage', () => {
  it('is accepted with the ids the simulator gave out', async () => {
    const { sim, client } = await setup();
    const out = await client.sendOmnimessage(sms('+37251234567'));
    expect(out.kind).toBe('accepted');
    if (out.kind !== 'accepted') return;
    expect(out.httpStatus).toBe(201);
    const [stored] = sim.accepted();
    expect(out.omnimessageId).toBe(stored?.omnimessageId);
    expect(out.messageIds).toEqual(stored?.messageIds);
    expect(stored).toMatchObject({ to: '+37251234567', sender: 'Shop', text: 'Hello' });
  });

  it('says when each request was written to its socket: once, before the answer, new connection or not', async () => {
    const { client } = await setup({ latencyMs: 20 });
    const events: string[] = [];
    const send = (n: number) =>
      client
        .sendOmnimessage(sms(`+3725123456${n}`), () => events.push(`written ${n}`))
        .then((out) => events.push(`answered ${n} ${out.kind}`));
    // Two at once: the second waits for a connection of its own.
    await Promise.all([send(1), send(2)]);
    await send(3);
    expect(events.filter((e) => e.startsWith('written')).sort()).toEqual([
      'written 1',
      'written 2',
      'written 3',
    ]);
    for (const n of [1, 2, 3])
      expect(events.indexOf(`written ${n}`)).toBeLessThan(events.indexOf(`answered ${n} accepted`));
  });

  it('reads 105 and 106 errors with their source', async () => {
    const { client } = await setup();
    const badTo = await client.sendOmnimessage(sms('0512345'));
    expect(badTo).toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
      errors: [{ code: '105', source: 'payload[to]' }],
    });
    const badSender = await client.sendOmnimessage(sms('+37251234567', 'Hi', 'WayTooLongSender'));
    expect(badSender).toMatchObject({
      kind: 'rejected',
      errors: [{ code: '105', source: 'payload[sms][sender]' }],
    });
    const noText = await client.sendOmnimessage(sms('+37251234567', ''));
    expect(noText).toMatchObject({
      kind: 'rejected',
      errors: [{ code: '106', title: 'Missing data', source: 'payload[sms][text]' }],
    });
  });

  it('turns a wrong password into auth, without the password in the outcome', async () => {
    const { client } = await setup({}, { password: 'wrong-pass' });
    const out = await client.sendOmnimessage(sms('+37251234567'));
    expect(out).toMatchObject({ kind: 'auth', httpStatus: 401, errors: [{ code: '103' }] });
    expect(JSON.stringify(out)).not.toContain('wrong-pass');
    const test = await client.testConnection();
    expect(test.ok).toBe(false);
    if (!test.ok) expect(test.message).toMatch(/not your dashboard login/);
  });

  it('retries on 429 with Retry-After, and on 503 before processing', async () => {
    const limited = await setup({ rateLimit: 2 });
    const outs = await Promise.all([1, 2, 3].map(() => limited.client.sendOmnimessage(sms('+37251234567'))));
    expect(outs.map((o) => o.kind).sort()).toEqual(['accepted', 'accepted', 'retry']);
    expect(outs.find((o) => o.kind === 'retry')).toMatchObject({
      reason: 'rate-limited',
      httpStatus: 429,
      retryAfterMs: 1000,
    });

    const failing = await setup({ failRate: 1 });
    const out = await failing.client.sendOmnimessage(sms('+37251234567'));
    expect(out).toMatchObject({ kind: 'retry', reason: 'unavailable', httpStatus: 503 });
    expect(failing.sim.accepted()).toHaveLength(0);
  });

  it('calls a dropped connection unknown "reset" although the message was accepted and logged', async () => {
    const log = join(tempDir('omnicast-sim'), 'sim.jsonl');
    const { sim, client } = await setup({ dropRate: 1, logFile: log });
    const out = await client.sendOmnimessage(sms('+37251234567'));
    expect(out).toMatchObject({ kind: 'unknown', reason: 'reset', httpStatus: null });
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      omnimessage_id: sim.accepted()[0]?.omnimessageId,
      to: '+37251234567',
    });
  });

  it('calls an answer that comes too late unknown "timeout"', async () => {
    const { sim, client } = await setup({ timeoutRate: 1, timeoutDelayMs: 5_000 }, { timeoutMs: 150 });
    const out = await client.sendOmnimessage(sms('+37251234567'));
    expect(out).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(sim.accepted()).toHaveLength(1);
  });

  it('retries "connect" when nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const client = createMessenteClient({
      apiUrl: `http://127.0.0.1:${port}/v1`,
      legacyUrl: `http://127.0.0.1:${port}`,
      username: USER,
      password: PASS,
    });
    const out = await client.sendOmnimessage(sms('+37251234567'));
    expect(out).toMatchObject({ kind: 'retry', reason: 'connect', httpStatus: null });
    const balance = await client.balance();
    expect(balance.ok).toBe(false);
    if (!balance.ok) expect(balance.message).not.toContain(PASS);
    client.close();
  });
});

describe('sendOmnimessages', () => {
  it('gives per-item results in request order', async () => {
    const { sim, client } = await setup();
    const out = await client.sendOmnimessages([
      sms('+37251234567'),
      sms('bad'),
      sms('+3725555555', 'x', '!!'),
    ]);
    expect(out.kind).toBe('items');
    if (out.kind !== 'items') return;
    expect(out.items.map((i) => i.kind)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(out.items[0]).toMatchObject({ omnimessageId: sim.accepted()[0]?.omnimessageId });
    expect(out.items[1]).toMatchObject({ errors: [{ code: '105', source: 'payload[to]' }] });
    expect(out.items[2]).toMatchObject({ errors: [{ source: 'payload[sms][sender]' }] });
    expect(sim.accepted()).toHaveLength(1);
  });
});

describe('statuses, balance, prices, opt-outs', () => {
  it('follows a status sequence to a final status with price_info, and 404 for unknown ids', async () => {
    // The simulator's clock is the test's: each step is seen however slowly this machine runs.
    let clock = Date.parse('2026-05-04T10:00:00Z');
    const { client } = await setup({
      now: () => clock,
      statusDelayMs: 40,
      deliveryRates: { undeliv: 0, failed: 0, expired: 0, rejected: 0 },
    });
    const sent = await client.sendOmnimessage(sms('+37251234567', 'ш'.repeat(71)));
    if (sent.kind !== 'accepted') throw new Error(sent.kind);
    const seen: (string | null)[] = [];
    for (let i = 0; i < 6 && seen.at(-1) !== 'DELIVRD'; i++) {
      const res = await client.getStatus(sent.omnimessageId);
      if (res.kind !== 'ok') throw new Error(res.kind);
      const status = res.statuses[0]?.status ?? null;
      if (seen.at(-1) !== status) seen.push(status);
      if (status === 'DELIVRD') {
        expect(res.statuses[0]).toMatchObject({
          err: 0,
          priceInfo: { partPrice: '0.06', partsCount: 2, totalPrice: '0.12' },
        });
      }
      clock += 20;
    }
    expect(seen).toEqual([null, 'ACK', 'DELIVRD']);
    expect(await client.getStatus('00000000-0000-0000-0000-000000000000')).toEqual({ kind: 'not-found' });
  });

  it('reads the balance and the price list, and explains wrong legacy credentials', async () => {
    const { client } = await setup({ balanceEur: 12.5 });
    expect(await client.balance()).toEqual({ ok: true, eur: 12.5 });
    const prices = await client.pricelist();
    expect(prices.ok && prices.csv.split('\n')[0]).toBe('Country,Code,MCCMNC,Network,Price');
    expect(prices.ok && prices.csv).toMatch(/Estonia,EE,24801,Telia,0\.06000/);
    const wrong = await setup({}, { password: 'nope' });
    expect(await wrong.client.balance()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/API username or password/),
    });
  });

  it('lists, adds and removes opted-out numbers', async () => {
    const { client } = await setup();
    expect(await client.blacklist.list()).toEqual([]);
    await client.blacklist.add('+37251234567');
    await client.blacklist.add('+37251234567');
    expect(await client.blacklist.list()).toEqual(['+37251234567']);
    await client.blacklist.remove('+37251234567');
    expect(await client.blacklist.list()).toEqual([]);
    expect(await client.testConnection()).toEqual({ ok: true });
  });
});
