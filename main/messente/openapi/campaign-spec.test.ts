// A whole campaign with default settings, sent by the real engine and client (single and bulk) to
// a mock server generated from Messente's document as published (no exception applied, request
// validation on): every row accepted, not one request refused, and `omnicast status --refresh`
// against it succeeds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAPIBackend from 'openapi-backend';
import { countSegments } from '../../../shared/sms';
import { omnicastAt } from '../../cli/test-run';
import { openDatabase, type Db } from '../../db/database';
import { insertCampaign } from '../../db/queries/campaigns';
import { insertMessages, type NewMessage } from '../../db/queries/messages';
import { EventBus } from '../../events';
import { createSender } from '../../sender';
import { createMessenteClient } from '../index';
import { loadSpec } from './spec-check';
import { startSpecServer, type SpecServer } from './spec-server';

const TEXTS = [
  'Hi Ann, your order is ready.',
  'Tere, Jüri! Tellimus on valmis 😊',
  `Dear customer, ${'our spring sale starts on Monday with prices down by a fifth. '.repeat(3)}`,
  'Здравствуйте! Ваш заказ готов к выдаче в нашем магазине на улице Пикк, дом 12.',
];

let api: OpenAPIBackend;
let server: SpecServer;
let dir: string;
let db: Db;

beforeAll(async () => {
  api = await loadSpec({ prose: false });
  server = await startSpecServer({ api });
  dir = mkdtempSync(join(tmpdir(), 'omnicast-spec-campaign-'));
  db = openDatabase(dir);
}, 60_000);

afterAll(async () => {
  db?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function campaign(name: string, count: number): number {
  const id = insertCampaign(db, {
    name,
    testMode: false,
    template: '{{text}}',
    sender: 'MyShop',
    autoconvert: 'on',
    country: 'EE',
    columns: ['text', 'phone'],
    phoneColumn: 1,
    sourceFile: 'spring.csv',
    rate: 20,
  });
  const rows: NewMessage[] = Array.from({ length: count }, (_, i) => {
    const text = TEXTS[i % TEXTS.length]!;
    const to = `+3725100${String(i).padStart(4, '0')}`;
    const a = countSegments(text);
    return {
      row: i + 1,
      fields: [text, to],
      rawPhone: to,
      to,
      state: 'queued',
      skipReason: null,
      text,
      encoding: a.encoding,
      segments: a.segments,
      costMinMicros: 60_000 * a.segments,
      costMaxMicros: 60_000 * a.segments,
    };
  });
  insertMessages(db, id, rows);
  return id;
}

const CREDENTIALS = { MESSENTE_USERNAME: 'user', MESSENTE_PASSWORD: 'secret' };

describe('a default campaign against the published document', () => {
  it.each([
    ['single', 1],
    ['bulk', 4],
  ])('%s sends: every row accepted, no request violates the document', async (name, batchSize) => {
    const kinds = TEXTS.map((t) => countSegments(t)).map((c) => `${c.encoding}/${c.segments > 1}`);
    expect(new Set(kinds).size).toBe(4);
    const before = server.requests.length;
    const id = campaign(name, 12);
    const sender = createSender({
      db,
      events: new EventBus(),
      getClient: async () =>
        createMessenteClient({
          apiUrl: server.apiUrl,
          legacyUrl: server.legacyUrl,
          username: 'user',
          password: 'secret',
        }),
    });
    await sender.start(id, { rate: 40, batchSize });
    const final = await sender.whenSettled(id);
    await sender.shutdown();
    expect(final.counts.accepted).toBe(12);
    expect(final.status).toBe('completed');
    const sends = server.requests.slice(before).filter((r) => r.operationId?.startsWith('send'));
    expect(sends.length).toBe(12 / batchSize);
    expect(server.violations()).toEqual([]);

    const status = await omnicastAt(server, dir, ['status', String(id), '--refresh'], CREDENTIALS);
    expect(status.stderr).toContain('0 could not be checked');
    expect(status.code).toBe(0);
    expect(server.violations()).toEqual([]);
  });
});
