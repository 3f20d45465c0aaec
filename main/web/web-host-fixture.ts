// Tests only: one web host over a fresh core, started before a test file's tests with a session
// already entered, and closed after them. Registers vitest hooks: call it once, at the top level of
// a test file, never from product code.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { builtRenderer } from '../testing/built-renderer';
import { createDownloadPlatform, type DownloadPlatform } from './downloads';
import { startWebHost, type WebHost } from './server';
import { cookieOf, enterWith, httpSend, type Reply, type SendOptions } from './test-http';

export const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

export interface WebHostFixture {
  /** The core, the host and its static folder: read them inside a test, once the host has started. */
  readonly core: Core;
  readonly host: WebHost;
  readonly staticDir: string;
  /** The download platform the core and the host share. */
  readonly downloads: DownloadPlatform;
  send(path: string, options?: SendOptions): Promise<Reply>;
  /** A call to the API, by default with the session cookie and the host's own Origin. */
  post(name: string, body: string, headers?: Record<string, string>): Promise<Reply>;
  /** The session cookie entered before the tests, as name=value. */
  cookie(): string;
  /** The session cookie, with any other headers. */
  withCookie(extra?: Record<string, string>): Record<string, string>;
  origin(): string;
  enter(token: string): Promise<Reply>;
}

/** The static folder is a builtRenderer() with assets/app.js. */
export function startedWebHost(): WebHostFixture {
  let core: Core | undefined;
  let host: WebHost | undefined;
  let staticDir: string | undefined;
  let cookie = '';
  const downloads = createDownloadPlatform();
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The web host is read before it has started.');
    return value;
  };

  const fixture: WebHostFixture = {
    get core() {
      return started(core);
    },
    get host() {
      return started(host);
    },
    get staticDir() {
      return started(staticDir);
    },
    downloads,
    send: (path, options = {}) => httpSend(fixture.host.port, path, options),
    post: (name, body, headers = fixture.withCookie({ Origin: fixture.origin() })) =>
      fixture.send(`/api/call/${name}`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
    cookie: () => cookie,
    withCookie: (extra = {}) => ({ Cookie: cookie, ...extra }),
    origin: () => `http://127.0.0.1:${fixture.host.port}`,
    enter: (token) => enterWith(fixture.host.port, token),
  };

  beforeAll(async () => {
    const { root, dir } = builtRenderer('omnicast-web', { name: 'app.js', text: 'console.log(1)' });
    staticDir = dir;
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
    cookie = cookieOf(await fixture.enter(TOKEN));
  });

  afterAll(async () => {
    await host?.close();
    await core?.close();
  });

  return fixture;
}
