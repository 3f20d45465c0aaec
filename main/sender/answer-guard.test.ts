// Impossible answers are not believed: one omnimessage id for several rows, or a 201 without an
// id, leave the rows `unknown` with a reason, never `accepted` under a shared id. The real client
// against a scripted loopback server that answers that way.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { EventBus } from '../events';
import { createMessenteClient } from '../messente';
import { createSender, type Sender } from './index';
import { seedCampaign } from './test-support';

type Body = { to: string; messages: { to?: string }[] };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A server answering every omnimessage with `idFor(n)` (undefined: no id at all). */
async function scripted(idFor: (n: number) => string | undefined): Promise<string> {
  let n = 0;
  const item = (to: unknown) => {
    const id = idFor(n++);
    return { ...(id === undefined ? {} : { omnimessage_id: id }), to, messages: [] };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
      const answer = req.url?.endsWith('/omnimessages')
        ? { messages: body.messages.map((m) => item(m.to)) }
        : item(body.to);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function senderFor(db: Db, apiUrl: string): Sender {
  const sender = createSender({
    db,
    events: new EventBus(),
    getClient: async () => createMessenteClient({ apiUrl, legacyUrl: apiUrl, username: 'u', password: 'p' }),
  });
  cleanups.push(() => sender.shutdown());
  return sender;
}

const rows = (db: Db, id: number) =>
  db
    .prepare(
      'SELECT row, state, omnimessage_id AS oid, error_code AS code FROM messages WHERE campaign_id = ? ORDER BY row',
    )
    .all(id) as { row: number; state: string; oid: string | null; code: string | null }[];

describe('answers that cannot be true', () => {
  it.each([1, 5])(
    'one id for every row (batch %i): no row accepted, each unknown as shared-id',
    async (batchSize) => {
      const db = openMemoryDatabase();
      const id = seedCampaign(db, 10);
      const same = randomUUID();
      const sender = senderFor(db, await scripted(() => same));
      await sender.start(id, { rate: 50, batchSize, maxInFlight: 1 });
      await sender.whenSettled(id);
      const all = rows(db, id);
      expect(all.filter((r) => r.state === 'accepted')).toEqual([]);
      expect(all.every((r) => r.state === 'unknown' && r.code === 'shared-id')).toBe(true);
    },
  );

  it('one id repeated among distinct ones: only the rows sharing it are unknown', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 6);
    const shared = randomUUID();
    const sender = senderFor(db, await scripted((n) => (n === 1 || n === 4 ? shared : randomUUID())));
    await sender.start(id, { rate: 50, maxInFlight: 1 });
    await sender.whenSettled(id);
    expect(rows(db, id).map((r) => r.state)).toEqual([
      'accepted',
      'unknown',
      'accepted',
      'accepted',
      'unknown',
      'accepted',
    ]);
  });

  it('a 201 without an omnimessage id is unknown, not accepted', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 3);
    const sender = senderFor(db, await scripted(() => undefined));
    await sender.start(id, { rate: 50 });
    await sender.whenSettled(id);
    expect(rows(db, id).map((r) => [r.state, r.code])).toEqual([
      ['unknown', 'bad-response'],
      ['unknown', 'bad-response'],
      ['unknown', 'bad-response'],
    ]);
  });
});
