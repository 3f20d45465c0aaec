// Every request the real client builds, for every feature Omnicast uses, judged by Messente's
// published OpenAPI document through a mock server generated from it (request validation on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAPIBackend from 'openapi-backend';
import type { Autoconvert } from '../../../shared/types';
import { omnimessageBody, smsBody } from '../../sender/request-body';
import { sendTestMessage } from '../../sender/test-send';
import { createMessenteClient, type MessenteClient } from '../index';
import { loadSpec, requestViolations } from './spec-check';
import { startSpecServer, type SpecServer } from './spec-server';

let api: OpenAPIBackend;
let server: SpecServer;
let client: MessenteClient;

beforeAll(async () => {
  api = await loadSpec();
  server = await startSpecServer({ api });
  client = createMessenteClient({
    apiUrl: server.apiUrl,
    legacyUrl: server.legacyUrl,
    username: 'user',
    password: 'secret',
    timeoutMs: 5_000,
  });
}, 60_000);

afterAll(async () => {
  client?.close();
  await server?.close();
});

/** The requests made by `act`, with whatever the document found wrong in them. */
async function judged(act: () => Promise<unknown>): Promise<string[]> {
  const before = server.requests.length;
  await act();
  const made = server.requests.slice(before);
  expect(made.length).toBeGreaterThan(0);
  return made.flatMap((r) => r.violations.map((v) => `${r.method} ${r.path}: ${v}`));
}

const sms = (text: string, sender = '', autoconvert: Autoconvert = 'on') =>
  smsBody(text, sender, autoconvert);

describe("the client's requests, judged by the published API document", () => {
  it('single send, with and without a sender name', async () => {
    expect(await judged(() => client.sendOmnimessage({ to: '+37251234567', messages: [sms('Hi')] }))).toEqual(
      [],
    );
    const named = { to: '+37251234567', messages: [sms('Tere õhtust, Mari!', 'MyShop')] };
    expect(await judged(() => client.sendOmnimessage(named))).toEqual([]);
  });

  it.each(['on', 'full', 'off'] as const)('autoconvert %s', async (mode) => {
    const body = { to: '+37251234567', messages: [sms('“Curly” — quotes', 'MyShop', mode)] };
    expect(await judged(() => client.sendOmnimessage(body))).toEqual([]);
  });

  it('bulk and scheduled sends', async () => {
    const bodies = ['+37251234567', '+37251234568'].map((to) => ({
      to,
      messages: [sms('Hello', 'MyShop')],
      time_to_send: '2030-01-01T09:00:00.000Z',
    }));
    expect(await judged(() => client.sendOmnimessages(bodies))).toEqual([]);
    expect(await judged(() => client.sendOmnimessage(bodies[0]!))).toEqual([]);
  });

  it('bulk of rows each with its own delivery time, as the sender builds them', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const settings = { sender: 'Clinic', autoconvert: 'on' as const, timeToSend: null };
    const row = (id: number, sendAt: string | null) => ({
      id,
      row: id + 1,
      to: `+3725123456${id}`,
      text: `Reminder ${id}`,
      costMaxMicros: null,
      sendAt,
    });
    // Two own times, one with none (delivered at once) and one whose time has passed (sent now).
    const rows = [
      row(1, '2030-01-02T07:00:00.000Z'),
      row(2, '2030-01-03T15:30:00.000Z'),
      row(3, null),
      row(4, '2029-12-31T23:00:00.000Z'),
    ];
    const bodies = rows.map((r) => omnimessageBody(r, settings, now));
    expect(bodies.map((b) => b.time_to_send ?? null)).toEqual([
      '2030-01-02T07:00:00.000Z',
      '2030-01-03T15:30:00.000Z',
      null,
      null,
    ]);
    expect(await judged(() => client.sendOmnimessages(bodies))).toEqual([]);
  });

  it('status, cancel, balance, price list and the test message', async () => {
    const id = '8b7f3c2e-4d5a-4b6c-9d8e-1f2a3b4c5d6e';
    expect(await judged(() => client.getStatus(id))).toEqual([]);
    expect(await judged(() => client.cancelScheduled(id))).toEqual([]);
    expect(await judged(() => client.balance())).toEqual([]);
    expect(await judged(() => client.pricelist())).toEqual([]);
    const message = { to: '+37251234567', text: 'Test', sender: 'MyShop', autoconvert: 'on' as const };
    expect(await judged(() => sendTestMessage(client, message))).toEqual([]);
  });

  it('opt-out list: list, add, remove, and the connection test', async () => {
    expect(await judged(() => client.blacklist.list())).toEqual([]);
    expect(await judged(() => client.blacklist.add('+37251234567'))).toEqual([]);
    expect(await judged(() => client.blacklist.remove('+37251234567'))).toEqual([]);
    expect(await judged(() => client.testConnection())).toEqual([]);
  });

  it('the mock kept to the document in every answer it gave', () => {
    expect(server.violations()).toEqual([]);
  });
});

describe('the validation itself', () => {
  const request = (body: unknown) => ({
    method: 'POST',
    path: '/v1/omnimessage',
    query: {},
    headers: { 'content-type': 'application/json', authorization: 'Basic dTpw' },
    body,
  });

  it('fails a renamed or mistyped field', () => {
    const good = { to: '+37251234567', messages: [{ channel: 'sms', text: 'Hi', sender: 'MyShop' }] };
    expect(requestViolations(api, request(good))).toEqual([]);
    const renamed = { to: '+37251234567', messages: [{ channel: 'sms', text: 'Hi', sendr: 'MyShop' }] };
    expect(requestViolations(api, request(renamed)).join()).toMatch(/sendr/);
    const mistyped = { to: 37251234567, messages: [{ channel: 'sms', text: 'Hi' }] };
    expect(requestViolations(api, request(mistyped)).join()).toMatch(/\/to must be string/);
    const badMode = { to: '+37251234567', messages: [{ channel: 'sms', text: 'Hi', autoconvert: 'yes' }] };
    expect(requestViolations(api, request(badMode)).join()).toMatch(/autoconvert/);
  });

  it('the one exception: the document as printed refuses autoconvert "off", the prose allows it', async () => {
    const printed = await loadSpec({ prose: false });
    const off = { to: '+37251234567', messages: [{ channel: 'sms', text: 'Hi', autoconvert: 'off' }] };
    expect(requestViolations(printed, request(off)).join()).toMatch(/autoconvert/);
    expect(requestViolations(api, request(off))).toEqual([]);
  }, 60_000);
});
