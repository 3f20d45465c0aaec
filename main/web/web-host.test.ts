import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecipients } from '../../shared/import';
import type { CampaignProgress } from '../../shared/types';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { createDownloadPlatform } from './downloads';
import { CONTENT_SECURITY_POLICY } from './security';
import { ENTRY_PATH, startWebHost, type WebHost } from './server';
import { basicAuth, cookieOf, enterWith, httpSend, type Reply, type SendOptions } from './test-http';
import { NOT_BUILT_MESSAGE } from './static-files';
import { tempDir } from '../testing/temp-dir';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

let core: Core;
let host: WebHost;
let cookie: string;
const downloads = createDownloadPlatform();

const send = (path: string, options: SendOptions = {}): Promise<Reply> => httpSend(host.port, path, options);
const basic = basicAuth;
const enter = (token: string): Promise<Reply> => enterWith(host.port, token);

const origin = (): string => `http://127.0.0.1:${host.port}`;
const withCookie = (extra: Record<string, string> = {}): Record<string, string> => ({
  Cookie: cookie,
  ...extra,
});
const post = (
  name: string,
  body: string,
  headers: Record<string, string> = withCookie({ Origin: origin() }),
): Promise<Reply> =>
  send(`/api/call/${name}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

let staticDir: string;
beforeAll(async () => {
  const root = tempDir('omnicast-web');
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Omnicast</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  core = await createCore({
    dataDir: join(root, 'data'),
    platform: downloads,
    version: 'test',
    credentials: createMemoryStore(),
  });
  host = await startWebHost({
    core,
    port: 0,
    staticDir,
    token: TOKEN,
    downloads,
    maxBodyBytes: 1024 * 1024,
    heartbeatMs: 50,
  });
  cookie = cookieOf(await enter(TOKEN));
});

afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('web host gate', () => {
  it('prints a loopback link carrying the entry token in its user-info part', () => {
    expect(host.url).toBe(`http://omnicast:${TOKEN}@127.0.0.1:${host.port}/open`);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    expect((await send('/', { headers: withCookie(), hostHeader: `evil.example:${host.port}` })).status).toBe(
      403,
    );
    expect((await send(ENTRY_PATH, { headers: basic(TOKEN), hostHeader: 'evil.example' })).status).toBe(403);
    expect((await send('/', { headers: withCookie(), hostHeader: `localhost:${host.port}` })).status).toBe(
      200,
    );
  });

  it('refuses a POST from a foreign Origin or without one, session or not', async () => {
    expect((await post('app.info', '{}', withCookie({ Origin: 'http://evil.example' }))).status).toBe(403);
    expect(
      (await post('app.info', '{}', withCookie({ Origin: `http://localhost:${host.port}` }))).status,
    ).toBe(403);
    expect((await post('app.info', '{}', withCookie())).status).toBe(403);
    expect((await post('app.info', '{}', withCookie({ Origin: origin() }))).status).toBe(200);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startWebHost({ core, port: 0, staticDir, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(
      /only listens on 127\.0\.0\.1/,
    );
  });
});

describe('web host API', () => {
  it('answers a call with the handler result in an envelope, uncached', async () => {
    const reply = await post('app.info', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { version: 'test' } });
  });

  it('answers bad input with error envelopes', async () => {
    expect(JSON.parse((await post('campaigns.get', '{"id":"x"}')).body).error.code).toBe('invalid_arguments');
    expect(JSON.parse((await post('campaigns.get', '{oops')).body).error.code).toBe('invalid_json');
    expect(JSON.parse((await post('no.such', '{}')).body).error.code).toBe('unknown_call');
    // A handler's own refusal travels as its envelope too, with a 200.
    const missing = await post('campaigns.get', '{"id":999999}');
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.body).ok).toBe(false);
  });

  it('answers an oversized body with 413 and an envelope', async () => {
    const reply = await post('app.info', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('streams core events over SSE', async () => {
    const progress: CampaignProgress = {
      campaignId: 7,
      status: 'sending',
      total: 3,
      counts: {} as CampaignProgress['counts'],
      currentRate: 1,
      etaSeconds: 2,
      errors: [],
      stopReason: null,
    };
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: withCookie({ Host: `127.0.0.1:${host.port}` }),
        },
        (res: IncomingMessage) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let seen = '';
          res.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes(': connected') && !seen.includes('event:'))
              core.events.emit('campaign.progress', progress);
            if (seen.includes('\n\n', seen.indexOf('event:')) && seen.includes(': heartbeat')) {
              req.destroy();
              resolve(seen);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain(`event: campaign.progress\ndata: ${JSON.stringify(progress)}\n\n`);
  });
});

describe('web host files', () => {
  it('serves the app with the strict CSP and nosniff, and assets with their MIME type', async () => {
    const page = await send('/', { headers: withCookie() });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await send('/assets/app.js', { headers: withCookie() });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('/assets/missing.js', { headers: withCookie() })).status).toBe(404);
  });

  it('refuses path traversal in every spelling', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%5c..%5csecret.txt',
      '/%00',
    ]) {
      const reply = await send(path, { headers: withCookie() });
      expect(reply.body).not.toContain('SECRET');
      expect([403, 404]).toContain(reply.status);
    }
  });

  it('says so when the interface is not built', async () => {
    const bare = await startWebHost({
      core,
      port: 0,
      staticDir: tempDir('omnicast-empty'),
      token: TOKEN,
    });
    try {
      const bareCookie = cookieOf(await enterWith(bare.port, TOKEN));
      const reply = await new Promise<Reply>((resolve, reject) => {
        httpRequest(
          { host: '127.0.0.1', port: bare.port, path: '/', headers: { Cookie: bareCookie } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        )
          .on('error', reject)
          .end();
      });
      expect(reply.body).toBe(NOT_BUILT_MESSAGE);
    } finally {
      await bare.close();
    }
  });
});

describe('web host downloads', () => {
  it('streams an export once, as a CSV attachment, waiting for a slow reader', async () => {
    const CHUNK = 'x'.repeat(1023) + '\n';
    const TOTAL = 40_000; // ~40 MB if nothing held the producer back
    let produced = 0;
    const offered = await downloads.offerExport({
      suggestedName: 'Réport "1".csv',
      async write(sink) {
        for (let i = 0; i < TOTAL; i++) {
          await sink(CHUNK);
          produced++;
        }
        return TOTAL;
      },
    });
    if (offered.kind !== 'download') throw new Error('expected a download');
    expect(offered.url).toMatch(/^\/api\/download\/[\w-]{20,}$/);

    const { headers, bytes, producedWhilePaused } = await new Promise<{
      headers: IncomingHttpHeaders;
      bytes: number;
      producedWhilePaused: number;
    }>((resolve, reject) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: offered.url,
          headers: withCookie({ Host: `127.0.0.1:${host.port}` }),
        },
        (res) => {
          res.pause();
          setTimeout(() => {
            const producedWhilePaused = produced;
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => resolve({ headers: res.headers, bytes, producedWhilePaused }));
            res.resume();
          }, 300);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="R_port _1_.csv"; filename*=UTF-8''${encodeURIComponent('Réport "1".csv')}`,
    );
    expect(bytes).toBe(TOTAL * CHUNK.length);
    // Without backpressure all 40 000 chunks would be produced into memory before anyone reads.
    expect(producedWhilePaused).toBeLessThan(TOTAL / 4);
    expect((await send(offered.url, { headers: withCookie() })).status).toBe(404);
  });

  it('exports a real campaign report through reports.export and its download URL', async () => {
    const imported = importRecipients(new TextEncoder().encode('name,phone\nMari,+372 5123 4567\n'), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
    });
    if (!imported.ok) throw new Error(imported.error);
    const created = JSON.parse(
      (
        await post(
          'campaigns.create',
          JSON.stringify({
            name: 'Web export',
            template: 'Hi {{name}}',
            sender: 'Shop',
            autoconvert: 'on',
            country: 'EE',
            columns: imported.result.header,
            phoneColumn: imported.result.phoneColumn,
            sourceFile: 'c.csv',
          }),
        )
      ).body,
    );
    const id = created.result.id as number;
    await post('campaigns.addRecipients', JSON.stringify({ id, recipients: imported.result.recipients }));
    const exported = JSON.parse(
      (await post('reports.export', JSON.stringify({ id, failedOnly: false }))).body,
    );
    expect(exported.result.kind).toBe('download');
    const csv = await send(exported.result.url, { headers: withCookie() });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('+37251234567');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"/);
  });

  it('expires unused download ids', async () => {
    const shortLived = createDownloadPlatform(20);
    const offered = await shortLived.offerExport({ suggestedName: 'a.csv', write: async () => 0 });
    if (offered.kind !== 'download') throw new Error('expected a download');
    await new Promise((r) => setTimeout(r, 60));
    expect(shortLived.take(offered.url.split('/').pop()!)).toBeUndefined();
  });
});
