// The web host: the built renderer and the same handlers as the desktop app, on loopback only.
// Everything passes the gate in ./security and a live session (./sessions) first.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract';
import type { EventBus } from '../events';
import { handleCall, MAX_BODY_BYTES } from './api-call';
import { DOWNLOAD_PREFIX, serveDownload, type DownloadPlatform } from './downloads';
import { openEventStream, type OpenStream } from './event-stream';
import { sendNoSession } from './no-session';
import {
  isOwnHost,
  isOwnOrigin,
  readBasicPassword,
  readCookie,
  cookieName,
  refuse,
  sessionCookie,
  setCommonHeaders,
} from './security';
import { createSessions } from './sessions';
import { hasIndex, resolveStaticPath, sendFile, sendNotBuilt } from './static-files';

export const LOOPBACK = '127.0.0.1';
/** The path of the printed link; its user name is only there because browsers need one. */
export const ENTRY_PATH = '/open';
const ENTRY_USER = 'omnicast';

export interface WebHostOptions {
  core: { handlers: Handlers; events: EventBus };
  /** 0 picks a free port. */
  port: number;
  /** Only loopback is accepted: anything else would open the account to the network. */
  host?: typeof LOOPBACK;
  staticDir: string;
  /** The first entry token: fixed in tests, a fresh random one per run otherwise. */
  token?: string;
  /** Inactivity after which a session ends (12 h unless a test says otherwise). */
  sessionIdleMs?: number;
  now?: () => number;
  /** Where one-time export downloads are looked up (the platform the core was created with). */
  downloads?: DownloadPlatform;
  maxBodyBytes?: number;
  heartbeatMs?: number;
  logError?: (context: string, error: unknown) => void;
}

export interface WebHost {
  /**
   * http://omnicast:TOKEN@127.0.0.1:PORT/open, the link to open; it works once. The token rides in the
   * user-info part because browsers keep that out of their history, where a query or a fragment (even
   * one replaced by the page at once) is stored for good.
   */
  url: string;
  /** A fresh link (the previous one stops working), for a browser that lost its session. */
  newEntryUrl(): string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host: string = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error(`The web host only listens on ${LOOPBACK}, not on ${host}.`);
  const sessions = createSessions({ token: options.token, idleMs: options.sessionIdleMs, now: options.now });
  const streams = new Set<OpenStream>();
  let port = 0;

  function enter(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') return refuse(response);
    // Opening the link again in the browser that already used it just shows the app.
    if (sessions.check(readCookie(request, cookieName(port)))) return redirectHome(request, response);
    const given = readBasicPassword(request);
    // Browsers may wait to be asked before sending a link's user:secret part; a wrong or spent secret
    // gets no second challenge, so no browser ever shows its own password dialog for it.
    if (given === undefined) {
      response.setHeader('WWW-Authenticate', 'Basic realm="Omnicast", charset="UTF-8"');
      return sendNoSession(response, ENTRY_PATH, 401);
    }
    const id = sessions.enter(given);
    if (id === null) return sendNoSession(response, ENTRY_PATH);
    redirectHome(request, response, sessionCookie(port, id));
  }

  function redirectHome(request: IncomingMessage, response: ServerResponse, setCookie?: string): void {
    // An absolute target without the user-info part, so the address bar drops the secret as well.
    response.writeHead(303, {
      Location: `http://${request.headers.host}/`,
      ...(setCookie ? { 'Set-Cookie': setCookie } : {}),
      'Cache-Control': 'no-store',
    });
    response.end();
  }

  function route(request: IncomingMessage, response: ServerResponse): void {
    setCommonHeaders(response);
    if (!isOwnHost(request, port)) return refuse(response);

    const raw = request.url ?? '/';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
    if (pathname === ENTRY_PATH) return enter(request, response);
    if (!sessions.check(readCookie(request, cookieName(port)))) return sendNoSession(response, pathname);

    if (request.method === 'POST') {
      // A cookie alone is not enough to change state: the request must come from our own page.
      const origin = request.headers.origin;
      if (origin === undefined || !isOwnOrigin(origin, request, port)) return refuse(response);
      if (pathname.startsWith('/api/call/')) {
        void handleCall(request, response, options.core.handlers, pathname.slice('/api/call/'.length), {
          limit: options.maxBodyBytes ?? MAX_BODY_BYTES,
          logError: (name, error) => options.logError?.(`call ${name}`, error),
        }).catch((error: unknown) => {
          options.logError?.('request', error);
          response.destroy();
        });
        return;
      }
      return refuse(response, 404);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed\n');
      return;
    }

    // Streams and one-time downloads answer GET only: a HEAD must not open or spend them.
    if (request.method === 'HEAD' && pathname.startsWith('/api/')) return refuse(response, 404);
    if (pathname === '/api/events') {
      const stream = openEventStream(request, response, options.core.events, options.heartbeatMs);
      streams.add(stream);
      response.on('close', () => streams.delete(stream));
      return;
    }
    if (pathname.startsWith(DOWNLOAD_PREFIX)) {
      const source = options.downloads?.take(pathname.slice(DOWNLOAD_PREFIX.length));
      if (!source) return refuse(response, 404);
      void serveDownload(response, source, (error) => options.logError?.('download', error));
      return;
    }
    if (pathname.startsWith('/api/')) return refuse(response, 404);

    if (!hasIndex(options.staticDir)) return sendNotBuilt(response);
    const target = resolveStaticPath(options.staticDir, pathname);
    if (target.kind === 'refused') return refuse(response);
    if (target.kind === 'missing') return refuse(response, 404);
    sendFile(response, target.path);
  }

  const server = createServer((request, response) => {
    try {
      route(request, response);
    } catch (error) {
      options.logError?.('request', error);
      if (!response.headersSent) refuse(response, 404);
      else response.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  const entryUrl = (token: string): string =>
    `http://${ENTRY_USER}:${token}@${LOOPBACK}:${port}${ENTRY_PATH}`;

  return {
    url: entryUrl(sessions.entryToken ?? sessions.renewEntry()),
    newEntryUrl: () => entryUrl(sessions.renewEntry()),
    origin,
    port,
    async close() {
      sessions.clear();
      for (const stream of streams) stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open for their idle timeout.
        server.closeAllConnections();
      });
    },
  };
}
