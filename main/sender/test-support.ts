// Test helpers for the sending engine: a scriptable loopback server that answers like Messente, and
// the real Messente client pointed at it. Real sockets, no mocks.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertCampaign, type NewCampaign } from '../db/queries/campaigns';
import { insertMessages, type NewMessage } from '../db/queries/messages';
import type { Db } from '../db/database';
import { createMessenteClient, type MessenteClient } from '../messente';
import type { OmnimessageBody } from './types';

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

/** The real Messente client pointed at a test server, so the engine's tests read answers the way
 * the product does. The server checks no credentials; the legacy API is not used by the engine. */
export function testClient(apiUrl: string, timeoutMs = 2_000): MessenteClient {
  return createMessenteClient({ apiUrl, legacyUrl: apiUrl, username: 'test', password: 'test', timeoutMs });
}

/** The message and file layout every test draft shares: "Hi {{name}}" from Shop, columns name and phone. */
export const testDraft = (): Pick<
  NewCampaign,
  'template' | 'sender' | 'autoconvert' | 'country' | 'columns' | 'phoneColumn'
> => ({
  template: 'Hi {{name}}',
  sender: 'Shop',
  autoconvert: 'on',
  country: 'EE',
  columns: ['name', 'phone'],
  phoneColumn: 1,
});

/** A draft campaign with `count` queued rows (+3725000000n), each costing `costMicros`. */
export function seedCampaign(db: Db, count: number, costMicros: number | null = 60_000): number {
  const id = insertCampaign(db, {
    name: 'Test',
    testMode: true,
    ...testDraft(),
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
