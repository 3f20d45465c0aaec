// A loopback server that answers like Messente's Omnichannel API (and the legacy balance/price
// endpoints), with faults on demand: tests, benchmarks and the app's test mode run against it, so
// nothing in Omnicast needs a mocked fetch. Routing, rate limiting, auth and faults live here;
// the answers themselves are in handlers.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as h from './handlers';
import { SimLog } from './log';
import { chance, seededRandom } from './prng';
import type { DeliveryRates } from './statuses';
import { createRateWindow } from './rate-window';
import { openSimulatorStore } from './store';
import { errorMessage } from '../../shared/errors';

export type { AcceptedMessage } from './handlers';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback only: the simulator has test credentials and must not be reachable from outside. */
  host?: string;
  username: string;
  password: string;
  /** Appends one JSON line per accepted omnimessage, written before the answer is sent. */
  logFile?: string;
  /**
   * Keeps every accepted message in this file and answers for the ones earlier (or other)
   * simulators kept there: statuses and cancels outlive the process. Test mode's data folder file.
   */
  storeFile?: string;
  latencyMs?: number;
  /** Requests allowed per 1-second (sliding) window; more are answered 429. */
  rateLimit?: number;
  /** Share of API requests answered 503 before any processing. */
  failRate?: number;
  /** Share of send requests accepted and logged, then answered with a connection reset. */
  dropRate?: number;
  /** Share of send requests accepted and logged, then answered after `timeoutDelayMs`. */
  timeoutRate?: number;
  timeoutDelayMs?: number;
  seed?: number;
  /** Time between status steps (null → ACK → final). */
  statusDelayMs?: number;
  deliveryRates?: DeliveryRates;
  /** EUR per SMS part, by ISO2 ("EE") or calling prefix ("372"); the built-in table otherwise. */
  pricePerPartEur?: Record<string, number>;
  balanceEur?: number;
  /** The account's default sender name, for messages that name none (default "Omnicast"). */
  defaultSender?: string;
  /** Wall-clock milliseconds: when messages are received, and when scheduled ones become due. */
  now?: () => number;
}

export interface RunningSimulator {
  apiUrl: string;
  legacyUrl: string;
  port: number;
  accepted(): h.AcceptedMessage[];
  /** Omnimessage ids cancelled before their delivery time (DELETE answered 202). */
  cancelled(): string[];
  /** Accepted and not cancelled: what is (or will be, when scheduled) delivered and billed. */
  toDeliver(): h.AcceptedMessage[];
  /** Changes the share of requests answered 503 from now on (tests: faults after set-up). */
  setFailRate(rate: number): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

type Route =
  | {
      kind: 'api';
      methods: string[];
      handle: (state: h.SimState, method: string, body: string) => h.Reply;
      send: boolean;
    }
  | { kind: 'legacy'; path: string };

function route(path: string): Route | null {
  if (path === '/v1/omnimessage')
    return { kind: 'api', methods: ['POST'], send: true, handle: (s, _m, b) => h.sendOne(s, b) };
  if (path === '/v1/omnimessages')
    return { kind: 'api', methods: ['POST'], send: true, handle: (s, _m, b) => h.sendMany(s, b) };
  if (path === '/v1/phonebook/blacklist') {
    return {
      kind: 'api',
      methods: ['GET', 'POST'],
      send: false,
      handle: (s, m, b) => (m === 'GET' ? h.blacklistList(s) : h.blacklistAdd(s, b)),
    };
  }
  const status = /^\/v1\/omnimessage\/([^/]+)\/status$/.exec(path);
  if (status)
    return {
      kind: 'api',
      methods: ['GET'],
      send: false,
      handle: (s) => h.status(s, decodeURIComponent(status[1]!)),
    };
  const one = /^\/v1\/omnimessage\/([^/]+)$/.exec(path);
  if (one)
    return {
      kind: 'api',
      methods: ['DELETE'],
      send: false,
      handle: (s) => h.cancel(s, decodeURIComponent(one[1]!)),
    };
  const phone = /^\/v1\/phonebook\/blacklist\/([^/]+)$/.exec(path);
  if (phone) {
    return {
      kind: 'api',
      methods: ['GET', 'DELETE'],
      send: false,
      handle: (s, m) => h.blacklistOne(s, m, decodeURIComponent(phone[1]!)),
    };
  }
  if (path === '/get_balance' || path === '/pricelist' || path === '/prices') return { kind: 'legacy', path };
  return null;
}

function authorized(req: IncomingMessage, username: string, password: string): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  return Buffer.from(header.slice(6), 'base64').toString('utf8') === `${username}:${password}`;
}

const apiError = (
  status: number,
  code: string,
  title: string,
  detail: string,
  headers?: Record<string, string>,
) => h.errorReply(status, [{ code, title, detail, source: null }], headers);

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the simulator only listens on loopback (got host ${host})`);
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const faultRandom = seededRandom(seed);
  const state: h.SimState = {
    now,
    deliveryRandom: seededRandom(seed ^ 0x5eed),
    deliveryRates: options.deliveryRates,
    pricePerPartEur: options.pricePerPartEur,
    statusDelayMs: options.statusDelayMs ?? 2_000,
    log: options.logFile ? new SimLog(options.logFile) : null,
    store: options.storeFile ? openSimulatorStore(options.storeFile) : null,
    accepted: [],
    byId: new Map(),
    blacklist: new Set(),
    balanceEur: options.balanceEur ?? 100,
    defaultSender: options.defaultSender ?? 'Omnicast',
    cancelled: [],
  };
  h.catchUp(state);
  const window = options.rateLimit
    ? createRateWindow(Math.max(1, Math.floor(options.rateLimit)), 1_000)
    : null;
  let failRate = options.failRate;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const answer = (res: ServerResponse, reply: h.Reply) => {
    if (res.destroyed) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload = '';
    if (reply.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(reply.json);
    } else if (reply.text !== undefined) {
      headers['content-type'] ??= 'text/plain; charset=utf-8';
      payload = reply.text;
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const latency = options.latencyMs ?? 0;
    const reply = (r: h.Reply) => later(latency, () => answer(res, r));
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    if (window && !window.admit(now())) {
      const retryAfter = String(Math.max(1, Math.ceil(window.waitMs(now()) / 1_000)));
      // The document's error codes have none for rate limits: a refusal is "Forbidden".
      const detail = `Too many requests: more than ${options.rateLimit} per second`;
      return reply(apiError(429, '102', 'Forbidden', detail, { 'retry-after': retryAfter }));
    }
    const found = route(url.pathname);
    if (!found) return reply(apiError(404, '101', 'Not found', `No such resource ${url.pathname}`));
    if (found.kind === 'legacy') {
      // The balance may also be asked with POST (credentials still in the query).
      const allowed = found.path === '/get_balance' ? ['GET', 'POST'] : ['GET'];
      if (!allowed.includes(method)) {
        const allow = allowed.join(', ');
        return reply(apiError(405, '107', 'Method not allowed', `${method} not allowed`, { allow }));
      }
      return reply(h.legacy(state, found.path, url.searchParams, options.username, options.password));
    }
    if (!found.methods.includes(method)) {
      const allow = found.methods.join(', ');
      return reply(apiError(405, '107', 'Method not allowed', `${method} not allowed here`, { allow }));
    }
    if (!authorized(req, options.username, options.password)) {
      return reply(
        apiError(401, '103', 'Unauthorized', 'Invalid API username or password', {
          'www-authenticate': 'Basic',
        }),
      );
    }
    if (chance(faultRandom, failRate)) {
      return reply(
        apiError(503, '104', 'Internal Server Error', 'Service unavailable, request not processed'),
      );
    }
    const result = found.handle(state, method, body);
    // Both faults happen after the message was stored and logged: the client cannot know.
    const drop = found.send && chance(faultRandom, options.dropRate);
    const slow = found.send && chance(faultRandom, options.timeoutRate);
    const respond = () => {
      // Written after close() began: the connection is going, nothing may keep the process alive.
      if (closed) return;
      if (drop) return later(latency, () => req.socket.destroy());
      if (slow) return later(options.timeoutDelayMs ?? 60_000, () => answer(res, result));
      reply(result);
    };
    if (!result.logged) return respond();
    result.logged.then(respond, (error: unknown) =>
      answer(res, apiError(500, '104', 'Internal Server Error', errorMessage(error))),
    );
  };

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // A simulator bug (or a full disk for the log) must answer 500, not take the process down.
        answer(res, apiError(500, '104', 'Internal Server Error', errorMessage(error)));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    // A port already taken: the files opened above are not left open.
    void state.log?.close();
    state.store?.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    apiUrl: `${origin}/v1`,
    legacyUrl: origin,
    port,
    accepted: () => [...state.accepted],
    cancelled: () => [...state.cancelled],
    setFailRate: (rate) => {
      failRate = rate;
    },
    toDeliver: () => {
      const gone = new Set(state.cancelled);
      return state.accepted.filter((a) => !gone.has(a.omnimessageId));
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => {
          state.store?.close();
          if (state.log === null) return resolve();
          state.log.close().then(resolve, () => resolve());
        });
        server.closeAllConnections();
      })),
  };
}
