// Every kind of answer the simulator gives (success, refusals, faults, 429, each delivery status,
// cancel, legacy text), judged by Messente's published OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAPIBackend from 'openapi-backend';
import { loadSpec, operationFor, responseViolations, type SeenRequest } from '../messente/openapi/spec-check';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './index';

let api: OpenAPIBackend;
const running: RunningSimulator[] = [];

beforeAll(async () => {
  api = await loadSpec();
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
});

const AUTH = `Basic ${Buffer.from('u:p').toString('base64')}`;

async function sim(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const s = await startSimulator({ port: 0, username: 'u', password: 'p', statusDelayMs: 1_000, ...options });
  running.push(s);
  return s;
}

interface Judged {
  status: number;
  body: string;
  problems: string[];
}

/** One request to the simulator; its answer judged against the operation the document names. */
async function ask(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = AUTH,
  /** For a method the document does not have: the operation whose error shape applies. */
  judgeAs?: string,
): Promise<Judged> {
  const url = new URL(`${base}${path}`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers['authorization'] = auth;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const seen: SeenRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
  const op = judgeAs ? api.getOperation(judgeAs)! : operationFor(api, seen);
  if (typeof op === 'string') throw new Error(op);
  const problems = responseViolations(api, op, {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: text,
  });
  return { status: res.status, body: text, problems };
}

const sms = (to: string, extra: Record<string, unknown> = {}) => ({
  to,
  messages: [{ channel: 'sms', text: 'Hello', ...extra }],
});

describe("the simulator's answers, judged by the published API document", () => {
  it('sending: accepted with and without a sender, refused, bulk with a refused item', async () => {
    const s = await sim();
    const answers = [
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('+37251234567')),
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('+37251234567', { sender: 'MyShop' })),
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('+37251234567', { autoconvert: 'true' })),
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('+37251234567', { autoconvert: 'false' })),
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('12')),
      await ask(s.apiUrl, 'POST', '/omnimessage', { messages: [] }),
      await ask(s.apiUrl, 'POST', '/omnimessages', { messages: [sms('+37251234567'), sms('1')] }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 400, 400, 201]);
    expect(answers.flatMap((a) => a.problems)).toEqual([]);
  });

  it('refused credentials, wrong method, 429 and 503', async () => {
    const s = await sim();
    const wrong = `Basic ${Buffer.from('u:x').toString('base64')}`;
    const limited = await sim({ rateLimit: 1 });
    const failing = await sim({ failRate: 1 });
    const answers = [
      await ask(s.apiUrl, 'POST', '/omnimessage', sms('+37251234567'), wrong),
      await ask(s.apiUrl, 'GET', '/omnimessage/00000000-0000-4000-8000-000000000000/status', undefined, null),
      await ask(s.apiUrl, 'PUT', '/omnimessages', sms('+37251234567'), AUTH, 'sendBulkOmnimessage'),
      await ask(limited.apiUrl, 'POST', '/omnimessage', sms('+37251234567')),
      await ask(limited.apiUrl, 'POST', '/omnimessage', sms('+37251234567')),
      await ask(failing.apiUrl, 'POST', '/omnimessage', sms('+37251234567')),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 405, 201, 429, 503]);
    expect(answers.flatMap((a) => a.problems)).toEqual([]);
  });

  it('each delivery status, pending to final, and cancel before and after the time', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const s = await sim({ now: () => clock, deliveryRates: { expired: 1 } });
    const later = await ask(s.apiUrl, 'POST', '/omnimessage', {
      ...sms('+37251234567'),
      time_to_send: '2030-01-01T01:00:00Z',
    });
    const id = (JSON.parse(later.body) as { omnimessage_id: string }).omnimessage_id;
    const status = () => ask(s.apiUrl, 'GET', `/omnimessage/${id}/status`);
    const seen: Judged[] = [await status()];
    for (const at of ['01:00:00', '01:00:01', '01:00:02', '01:00:03']) {
      clock = Date.parse(`2030-01-01T${at}Z`);
      seen.push(await status());
    }
    const statuses = seen.map(
      (a) => (JSON.parse(a.body) as { statuses: { status?: string }[] }).statuses[0]!.status,
    );
    expect(statuses).toEqual([undefined, undefined, 'ACK', 'ACCEPTD', 'EXPIRED']);
    const gone = await ask(s.apiUrl, 'DELETE', `/omnimessage/${id}`);
    expect(gone.status).toBe(404);

    const second = await ask(s.apiUrl, 'POST', '/omnimessage', {
      ...sms('+37251234568'),
      time_to_send: '2030-01-02T00:00:00Z',
    });
    const secondId = (JSON.parse(second.body) as { omnimessage_id: string }).omnimessage_id;
    const cancelled = await ask(s.apiUrl, 'DELETE', `/omnimessage/${secondId}`);
    const deleted = await ask(s.apiUrl, 'GET', `/omnimessage/${secondId}/status`);
    expect([cancelled.status, deleted.status]).toEqual([202, 200]);
    expect(JSON.parse(deleted.body)).toMatchObject({ statuses: [{ status: 'DELETED' }] });
    const unknown = await ask(s.apiUrl, 'GET', '/omnimessage/00000000-0000-4000-8000-000000000000/status');
    expect(unknown.status).toBe(404);
    expect([...seen, later, gone, second, cancelled, deleted, unknown].flatMap((a) => a.problems)).toEqual(
      [],
    );
  });

  it('opt-out list: list, add, already listed, check, remove, not listed', async () => {
    const s = await sim();
    const phone = encodeURIComponent('+37251234567');
    const answers = [
      await ask(s.apiUrl, 'GET', '/phonebook/blacklist'),
      await ask(s.apiUrl, 'POST', '/phonebook/blacklist', { phoneNumber: '+37251234567' }),
      await ask(s.apiUrl, 'POST', '/phonebook/blacklist', { phoneNumber: '+37251234567' }),
      await ask(s.apiUrl, 'POST', '/phonebook/blacklist', { phoneNumber: 'x' }),
      await ask(s.apiUrl, 'GET', `/phonebook/blacklist/${phone}`),
      await ask(s.apiUrl, 'DELETE', `/phonebook/blacklist/${phone}`),
      await ask(s.apiUrl, 'DELETE', `/phonebook/blacklist/${phone}`),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 204, 409, 400, 204, 204, 404]);
    expect(answers.flatMap((a) => a.problems)).toEqual([]);
  });

  it('legacy balance (GET and POST), price list, prices as JSON, XML and errors', async () => {
    const s = await sim();
    const q = 'username=u&password=p';
    const answers = [
      await ask(s.legacyUrl, 'GET', `/get_balance?${q}`),
      await ask(s.legacyUrl, 'POST', `/get_balance?${q}`),
      await ask(s.legacyUrl, 'GET', `/get_balance?username=u&password=x`),
      await ask(s.legacyUrl, 'GET', `/pricelist?${q}`),
      await ask(s.legacyUrl, 'GET', `/prices?${q}&country=EE`),
      await ask(s.legacyUrl, 'GET', `/prices?${q}&country=EE&format=xml`),
      await ask(s.legacyUrl, 'GET', `/prices?${q}&country=EE&format=csv`),
      await ask(s.legacyUrl, 'GET', `/prices?${q}&country=XX`),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.slice(0, 9))).toEqual([
      'OK 100.00',
      'OK 100.00',
      'ERROR 101',
      'Country,C',
      '{"country',
      '<?xml ver',
      'ERROR 106',
      'ERROR 104',
    ]);
    expect(JSON.parse(answers[4]!.body)).toMatchObject({ networks: [{ mccmnc: 24801 }, { mccmnc: 24802 }] });
    expect(answers.flatMap((a) => a.problems)).toEqual([]);
  });
});
