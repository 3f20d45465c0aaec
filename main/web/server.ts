// The web host: the built renderer and the same handlers as the desktop app, on loopback only.
// Everything passes the gate in ./security first; see issue 7 for the threat model.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract';
import type { EventBus } from '../events';
import { handleCall, MAX_BODY_BYTES } from './api-call';
import { DOWNLOAD_PREFIX, serveDownload, type DownloadPlatform } from './downloads';
import { openEventStream, type OpenStream } from './event-stream';
import {
  isOwnHost,
  isOwnOrigin,
  newToken,
  readBearer,
  readCookie,
  cookieName,
  refuse,
  sameSecret,
  sessionCookie,
  setCommonHeaders,
} from './security';
import { hasIndex, resolveStaticPath, sendFile, sendNotBuilt } from './static-files';

export const LOOPBACK = '127.0.0.1';

export interface WebHostOptions {
  core: { handlers: Handlers; events: EventBus };
  /** 0 picks a free port. */
  port: number;
  /** Only loopback is accepted: anything else would open the account to the network. */
  host?: typeof LOOPBACK;
  staticDir: string;
  /** Fixed in tests; a fresh random one per run otherwise. */
  token?: string;
  /** Where one-time export downloads are looked up (the platform the core was created with). */
  downloads?: DownloadPlatform;
  maxBodyBytes?: number;
  heartbeatMs?: number;
  logError?: (context: string, error: unknown) => void;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=TOKEN, the one link to open. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host: string = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error(`The web host only listens on ${LOOPBACK}, not on ${host}.`);
  const token = options.token ?? newToken();
  const streams = new Set<OpenStream>();
  let port = 0;

  function route(request: IncomingMessage, response: ServerResponse): void {
    setCommonHeaders(response);
    if (!isOwnHost(request, port)) return refuse(response);

    const raw = request.url ?? '/';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
    const queryToken = queryAt < 0 ? null : new URLSearchParams(raw.slice(queryAt + 1)).get('token');

    // The printed link: trade the token for a cookie and take it out of the address bar (and so
    // out of history, bookmarks and screenshots).
    if (queryToken !== null) {
      if (request.method !== 'GET' || !sameSecret(queryToken, token)) return refuse(response);
      response.writeHead(302, {
        Location: '/',
        'Set-Cookie': sessionCookie(port, token),
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }

    const byBearer = sameSecret(readBearer(request), token);
    if (!byBearer && !sameSecret(readCookie(request, cookieName(port)), token)) return refuse(response);

    if (request.method === 'POST') {
      // A cookie alone is not enough to change state: the request must come from our own page.
      // Scripts holding the bearer token may omit Origin (they are not browsers).
      const origin = request.headers.origin;
      if (origin === undefined ? !byBearer : !isOwnOrigin(origin, request, port)) return refuse(response);
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

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    async close() {
      for (const stream of streams) stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open for their idle timeout.
        server.closeAllConnections();
      });
    },
  };
}
