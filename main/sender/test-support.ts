// Test helpers for the sending engine: a scriptable loopback server that answers like Messente,
// and a small node:http client that turns its answers into SendOutcomes. Real sockets, no mocks.
import { randomUUID } from 'node:crypto';
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertCampaign } from '../db/queries/campaigns';
import { insertMessages, type NewMessage } from '../db/queries/messages';
import type { Db } from '../db/database';
import type { BulkOutcome, OmnimessageBody, SendClient, SendOutcome } from './types';

export type Reply =
  | { kind: 'accept' }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'drop' }
  | { kind: 'hang' };

export interface Received {
  at: number;
  path: string;
  body: OmnimessageBody | { messages: OmnimessageBody[] };
  /** omnimessage ids given out, in order (empty when not accepted). */
  ids: string[];
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startTestServer(
  script: (n: number, body: OmnimessageBody) => Reply = () => ({ kind: 'accept' }),
  latencyMs = 0,
): Promise<TestServer> {
  const received: Received[] = [];
  let n = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
      const entry: Received = { at, path: req.url ?? '', body, ids: [] };
      received.push(entry);
      const items = 'to' in body ? [body] : body.messages;
      const replies = items.map((item) => script(n++, item));
      setTimeout(() => {
        const first = replies[0]!;
        if (first.kind === 'drop') return req.socket.destroy();
        if (first.kind === 'hang') return;
        if (first.kind === 'status') {
          res.writeHead(first.status, { 'content-type': 'application/json', ...first.headers });
          return res.end(JSON.stringify(first.body ?? {}));
        }
        const accepted = items.map((item, i) => {
          if (replies[i]!.kind !== 'accept')
            return { errors: [{ code: '105', title: 'Invalid data', detail: 'x', source: 'to' }] };
          const id = randomUUID();
          entry.ids.push(id);
          return {
            omnimessage_id: id,
            to: item.to,
            messages: [{ channel: 'sms', message_id: randomUUID() }],
          };
        });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify('to' in body ? accepted[0] : { messages: accepted }));
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Json = { errors?: { code: string; title: string; detail: string; source: string | null }[] } & Record<
  string,
  unknown
>;

/** A minimal Messente client for the engine's tests: the real one lives in main/messente. */
export function createTestClient(apiUrl: string, timeoutMs = 2_000): SendClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const post = (path: string, payload: unknown) =>
    new Promise<{ status: number; json: Json; headers: Record<string, unknown> } | SendOutcome>((resolve) => {
      let sent = false;
      const req = request(`${apiUrl}${path}`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      });
      req.setTimeout(timeoutMs, () => {
        req.destroy();
        resolve({
          kind: 'unknown',
          reason: 'timeout',
          httpStatus: null,
          detail: `No answer within ${timeoutMs} ms.`,
        });
      });
      req.on('finish', () => (sent = true));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (!sent || e.code === 'ECONNREFUSED') {
          resolve({
            kind: 'retry',
            reason: 'connect',
            httpStatus: null,
            retryAfterMs: null,
            detail: e.message,
          });
        } else resolve({ kind: 'unknown', reason: 'reset', httpStatus: null, detail: e.message });
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Json,
            headers: res.headers,
          }),
        );
      });
      req.end(JSON.stringify(payload));
    });
  const classify = (r: { status: number; json: Json; headers: Record<string, unknown> }): SendOutcome => {
    const errors = r.json.errors ?? [];
    if (r.status === 401 || r.status === 403) return { kind: 'auth', httpStatus: r.status, errors };
    if (r.status === 429 || r.status === 503) {
      const after = Number(r.headers['retry-after']);
      return {
        kind: 'retry',
        reason: r.status === 429 ? 'rate-limited' : 'unavailable',
        httpStatus: r.status,
        retryAfterMs: Number.isFinite(after) ? after * 1000 : null,
        detail: `HTTP ${r.status}`,
      };
    }
    if (r.status >= 500)
      return { kind: 'unknown', reason: 'server-error', httpStatus: r.status, detail: `HTTP ${r.status}` };
    if (r.status >= 400) return { kind: 'rejected', httpStatus: r.status, errors };
    const messages = (r.json.messages ?? []) as { message_id: string }[];
    return {
      kind: 'accepted',
      httpStatus: r.status,
      omnimessageId: String(r.json.omnimessage_id),
      messageIds: messages.map((m) => m.message_id),
    };
  };
  return {
    async sendOmnimessage(body) {
      const r = await post('/omnimessage', body);
      return 'kind' in r ? r : classify(r);
    },
    async sendOmnimessages(bodies): Promise<BulkOutcome> {
      const r = await post('/omnimessages', { messages: bodies });
      if ('kind' in r) return r as BulkOutcome;
      if (r.status !== 201) return classify(r) as BulkOutcome;
      const items = (r.json.messages ?? []) as Json[];
      return {
        kind: 'items',
        httpStatus: r.status,
        items: items.map((i) =>
          i.errors
            ? { kind: 'rejected', errors: i.errors }
            : { kind: 'accepted', omnimessageId: String(i.omnimessage_id), messageIds: [] },
        ),
      };
    },
    close: () => agent.destroy(),
  };
}

/** A draft campaign with `count` queued rows (+3725000000n), each costing `costMicros`. */
export function seedCampaign(db: Db, count: number, costMicros: number | null = 60_000): number {
  const id = insertCampaign(db, {
    name: 'Test',
    testMode: true,
    template: 'Hi {{name}}',
    sender: 'Shop',
    autoconvert: 'on',
    country: 'EE',
    columns: ['name', 'phone'],
    phoneColumn: 1,
    sourceFile: 'test.csv',
    rate: 10,
  });
  const rows: NewMessage[] = Array.from({ length: count }, (_, i) => ({
    row: i + 1,
    fields: [`N${i + 1}`, `+3725000${String(i).padStart(4, '0')}`],
    rawPhone: `+3725000${String(i).padStart(4, '0')}`,
    to: `+3725000${String(i).padStart(4, '0')}`,
    state: 'queued',
    skipReason: null,
    text: `Hi N${i + 1}`,
    encoding: 'GSM-7',
    segments: 1,
    costMinMicros: costMicros,
    costMaxMicros: costMicros,
  }));
  insertMessages(db, id, rows);
  return id;
}
