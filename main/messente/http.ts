// One HTTP exchange over keep-alive sockets, ending either in a full response or in a transport
// failure that says whether the request could have reached Messente. That distinction is what
// separates a safe retry from an `unknown` outcome (there is no idempotency key).
// A lean HTTP/1.1 client over net/tls sockets (wire.ts) rather than node:http: at the pace of single
// sends, node:http's per-request objects, listeners and timers cost more CPU than the whole engine.
// Listeners are attached once per socket, and one timer serves every request's deadline.
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { requestHead, ResponseParser, type ParsedResponse, type ResponseHeaders } from './wire';

export interface HttpResponse {
  type: 'response';
  status: number;
  headers: ResponseHeaders;
  body: string;
}

export interface HttpFailure {
  type: 'failure';
  /**
   * connect/dns: the request never left this computer. timeout/reset: it was written and may
   * have been processed.
   */
  reason: 'connect' | 'dns' | 'timeout' | 'reset';
  detail: string;
}

export interface HttpOptions {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Called once the whole request was handed to the socket (later than send() when it had to connect). */
  onWritten?: () => void;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/**
 * Free sockets are dropped after this long idle, before a typical server's idle timeout, so a
 * reused socket is rarely closed under a request that is then lost ("reset" would be `unknown`).
 */
const IDLE_MS = 4_000;

export interface Transport {
  send(options: HttpOptions): Promise<HttpResponse | HttpFailure>;
  close(): void;
}

interface Exchange {
  options: HttpOptions;
  payload: string;
  resolve: (result: HttpResponse | HttpFailure) => void;
  deadline: number;
  /** The whole request was handed to the socket: before that, the server cannot have acted on it. */
  written: boolean;
  done: boolean;
  conn: Conn | null;
}

interface Conn {
  socket: Socket;
  pool: Pool;
  current: Exchange | null;
  parser: ResponseParser;
  idleSince: number;
  /** The connection's first request is written once it is connected. */
  connected: boolean;
}

interface Pool {
  key: string;
  idle: Conn[];
  open: number;
  waiting: Exchange[];
}

export interface TransportOptions {
  /** Extra certificate authorities to trust (tests with a local TLS server); the system's otherwise. */
  ca?: string;
}

export function createTransport(maxSockets: number, transportOptions: TransportOptions = {}): Transport {
  const pools = new Map<string, Pool>();
  const live = new Set<Exchange>();
  const all = new Set<Conn>();
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let closed = false;

  function finish(x: Exchange, result: HttpResponse | HttpFailure): void {
    if (x.done) return;
    x.done = true;
    live.delete(x);
    // Only requests in flight keep the process alive; idle sockets are swept in passing.
    if (live.size === 0) timer?.unref();
    x.resolve(result);
  }

  function fail(x: Exchange, reason: HttpFailure['reason'], detail: string): void {
    finish(x, { type: 'failure', reason, detail });
  }

  /** One timer for all deadlines, armed for the earliest; idle sockets are swept on the way. */
  function arm(at: number): void {
    if (at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(sweep, Math.max(1, at - Date.now()));
    if (live.size === 0) timer.unref();
  }

  function sweep(): void {
    timer = null;
    timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const x of live) {
      if (x.deadline > now) {
        next = Math.min(next, x.deadline);
        continue;
      }
      const seconds = (x.options.timeoutMs / 1_000).toFixed(1);
      if (x.written) fail(x, 'timeout', `no answer within ${seconds} s`);
      else fail(x, 'connect', `could not connect within ${seconds} s`);
      const pool = pools.get(origin(x.options.url));
      if (pool) pool.waiting = pool.waiting.filter((w) => w !== x);
      x.conn?.socket.destroy();
    }
    for (const pool of pools.values()) {
      for (const c of pool.idle) {
        if (now - c.idleSince >= IDLE_MS) c.socket.destroy();
        else next = Math.min(next, c.idleSince + IDLE_MS);
      }
    }
    if (next < Infinity) arm(next);
  }

  function open(pool: Pool, url: URL): Conn {
    const https = url.protocol === 'https:';
    const port = Number(url.port) || (https ? 443 : 80);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = https
      ? tlsConnect({
          host,
          port,
          ALPNProtocols: ['http/1.1'],
          ...(isIP(host) ? {} : { servername: host }),
          ...(transportOptions.ca === undefined ? {} : { ca: transportOptions.ca }),
        })
      : netConnect({ host, port });
    socket.setNoDelay(true);
    const conn: Conn = {
      socket,
      pool,
      current: null,
      parser: new ResponseParser(),
      idleSince: 0,
      connected: false,
    };
    pool.open += 1;
    all.add(conn);
    socket.once(https ? 'secureConnect' : 'connect', () => {
      conn.connected = true;
      if (conn.current) write(conn, conn.current);
    });
    socket.on('data', (chunk: Buffer) => onData(conn, chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => onGone(conn, error));
    socket.on('close', () => onGone(conn, null));
    return conn;
  }

  function write(conn: Conn, x: Exchange): void {
    conn.socket.write(x.payload, 'utf8', (error) => {
      if (error || x.conn !== conn) return;
      x.written = true;
      x.options.onWritten?.();
    });
  }

  function dispatch(conn: Conn, x: Exchange): void {
    conn.current = x;
    conn.parser.reset();
    x.conn = conn;
    if (conn.connected) write(conn, x);
  }

  function onData(conn: Conn, chunk: Buffer): void {
    const x = conn.current;
    if (!x) return void conn.socket.destroy(); // an answer nobody asked for
    let res: ParsedResponse | null;
    try {
      res = conn.parser.feed(chunk);
    } catch {
      conn.socket.destroy();
      return fail(x, 'reset', 'Messente sent an answer that is not valid HTTP');
    }
    if (res) complete(conn, x, res);
  }

  function complete(conn: Conn, x: Exchange, res: ParsedResponse): void {
    conn.current = null;
    x.conn = null;
    x.written = true;
    finish(x, { type: 'response', status: res.status, headers: res.headers, body: res.body });
    if (res.close || closed) return void conn.socket.destroy();
    release(conn);
  }

  /** A free socket goes to the next waiting request, or waits (most recent first) for one. */
  function release(conn: Conn): void {
    const pool = conn.pool;
    const next = pool.waiting.shift();
    if (next) return dispatch(conn, next);
    conn.idleSince = Date.now();
    pool.idle.push(conn);
    arm(conn.idleSince + IDLE_MS);
  }

  function onGone(conn: Conn, error: NodeJS.ErrnoException | null): void {
    // 'error' and then 'close': the second changes nothing.
    const first = all.delete(conn);
    if (first) {
      conn.pool.open -= 1;
      const i = conn.pool.idle.indexOf(conn);
      if (i >= 0) conn.pool.idle.splice(i, 1);
    }
    conn.socket.destroy();
    const x = conn.current;
    conn.current = null;
    if (x && !x.done) {
      const res = error ? null : conn.parser.end();
      if (res) finish(x, { type: 'response', status: res.status, headers: res.headers, body: res.body });
      else if (conn.parser.started) fail(x, 'reset', 'connection closed while reading the answer');
      else {
        const code = error ? (error.code ?? '') : 'ECONNRESET';
        const message = error?.message ?? 'socket hang up';
        const url = x.options.url;
        if (DNS_CODES.has(code)) fail(x, 'dns', `cannot resolve ${url.hostname} (${code})`);
        else if (!x.written) fail(x, 'connect', `cannot connect to ${url.host} (${code || message})`);
        else fail(x, 'reset', `connection closed before an answer (${code || message})`);
      }
    }
    // A socket freed by this one's end lets a waiting request open a new one.
    const pool = conn.pool;
    if (!first || closed) return;
    const next = pool.waiting.shift();
    if (next) dispatch(open(pool, next.options.url), next);
  }

  function send(options: HttpOptions): Promise<HttpResponse | HttpFailure> {
    return new Promise((resolve) => {
      const length = options.body === undefined ? null : Buffer.byteLength(options.body);
      const x: Exchange = {
        options,
        payload: requestHead(options.method, options.url, options.headers, length) + (options.body ?? ''),
        resolve,
        deadline: Date.now() + options.timeoutMs,
        written: false,
        done: false,
        conn: null,
      };
      if (closed) return fail(x, 'connect', 'the connection to Messente was closed');
      live.add(x);
      arm(x.deadline);
      timer?.ref();
      const key = origin(options.url);
      let pool = pools.get(key);
      if (!pool) pools.set(key, (pool = { key, idle: [], open: 0, waiting: [] }));
      let conn = pool.idle.pop();
      while (conn && (conn.socket.destroyed || Date.now() - conn.idleSince >= IDLE_MS)) {
        conn.socket.destroy();
        conn = pool.idle.pop();
      }
      if (conn) dispatch(conn, x);
      else if (pool.open < maxSockets) dispatch(open(pool, options.url), x);
      else pool.waiting.push(x);
    });
  }

  return {
    send,
    close() {
      closed = true;
      for (const conn of [...all]) conn.socket.destroy();
      for (const pool of pools.values()) {
        for (const x of pool.waiting) fail(x, 'connect', 'the connection to Messente was closed');
        pool.waiting = [];
      }
      if (timer) clearTimeout(timer);
      timer = null;
      timerAt = Infinity;
    },
  };
}

const origin = (url: URL) => `${url.protocol}//${url.host}`;
