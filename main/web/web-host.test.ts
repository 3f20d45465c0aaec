// The web host's gate (who may reach it at all), its API and event stream, and the files it serves.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { CampaignProgress } from '../../shared/types';
import { tempDir } from '../testing/temp-dir';
import { CONTENT_SECURITY_POLICY } from './security';
import { ENTRY_PATH, startWebHost } from './server';
import { NOT_BUILT_MESSAGE } from './static-files';
import { basicAuth as basic, cookieOf, enterWith, type Reply } from './test-http';
import { startedWebHost, TOKEN } from './web-host-fixture';

const web = startedWebHost();
const { send, post, withCookie, origin } = web;

describe('web host gate', () => {
  it('prints a loopback link carrying the entry token in its user-info part', () => {
    expect(web.host.url).toBe(`http://omnicast:${TOKEN}@127.0.0.1:${web.host.port}/open`);
    expect(web.host.origin).toBe(`http://127.0.0.1:${web.host.port}`);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    expect(
      (await send('/', { headers: withCookie(), hostHeader: `evil.example:${web.host.port}` })).status,
    ).toBe(403);
    expect((await send(ENTRY_PATH, { headers: basic(TOKEN), hostHeader: 'evil.example' })).status).toBe(403);
    expect(
      (await send('/', { headers: withCookie(), hostHeader: `localhost:${web.host.port}` })).status,
    ).toBe(200);
  });

  it('refuses a POST from a foreign Origin or without one, session or not', async () => {
    expect((await post('app.info', '{}', withCookie({ Origin: 'http://evil.example' }))).status).toBe(403);
    expect(
      (await post('app.info', '{}', withCookie({ Origin: `http://localhost:${web.host.port}` }))).status,
    ).toBe(403);
    expect((await post('app.info', '{}', withCookie())).status).toBe(403);
    expect((await post('app.info', '{}', withCookie({ Origin: origin() }))).status).toBe(200);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(
      startWebHost({ core: web.core, port: 0, staticDir: web.staticDir, host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow(/only listens on 127\.0\.0\.1/);
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
          port: web.host.port,
          path: '/api/events',
          headers: withCookie({ Host: `127.0.0.1:${web.host.port}` }),
        },
        (res: IncomingMessage) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let seen = '';
          res.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes(': connected') && !seen.includes('event:'))
              web.core.events.emit('campaign.progress', progress);
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
      core: web.core,
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
