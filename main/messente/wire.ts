// HTTP/1.1 on the wire, for the lean keep-alive transport (http.ts): the request head as one string
// and an incremental response parser. node:http's ClientRequest/IncomingMessage machinery cost
// ~250 µs of CPU per request on the benchmark VM, more than everything else the engine does.
// Supports what Messente and the simulator answer with: Content-Length, chunked, or a body that
// ends when the connection closes; 1xx interim answers are skipped.

export type ResponseHeaders = Record<string, string | undefined>;

export interface ParsedResponse {
  status: number;
  headers: ResponseHeaders;
  body: string;
  /** The server wants the connection closed (or HTTP/1.0 without keep-alive). */
  close: boolean;
}

/** The header lines of a frozen headers object, built and checked once: the client's never change. */
const frozenLines = new WeakMap<Record<string, string>, string>();

function headerLines(headers: Record<string, string>): string {
  const known = frozenLines.get(headers);
  if (known !== undefined) return known;
  let lines = '';
  for (const name in headers) {
    const value = headers[name]!;
    // A header injected through CR/LF would change what the request means.
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`invalid header ${name}`);
    lines += `${name}: ${value}\r\n`;
  }
  if (Object.isFrozen(headers)) frozenLines.set(headers, lines);
  return lines;
}

/** A request head: the request line, Host, the caller's headers and the body's length. */
export function requestHead(
  method: string,
  url: URL,
  headers: Record<string, string>,
  bodyLength: number | null,
): string {
  const length = bodyLength === null ? '' : `content-length: ${bodyLength}\r\n`;
  return `${method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\nconnection: keep-alive\r\n${headerLines(headers)}${length}\r\n`;
}

const NOTHING = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;

type Mode = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' | 'until-close';

/** Feeds on socket data; `feed` returns the response once complete, or throws on a malformed one. */
export class ResponseParser {
  private buf: Buffer = NOTHING;
  private mode: Mode = 'head';
  private status = 0;
  private headers: ResponseHeaders = {};
  private close = false;
  private parts: Buffer[] = [];
  private left = 0;

  /** Ready for the next answer on the same connection, as if new. */
  reset(): void {
    this.buf = NOTHING;
    this.mode = 'head';
    this.status = 0;
    this.close = false;
    this.parts = [];
    this.left = 0;
  }

  /** True once a status line and headers were read: the answer has begun. */
  get started(): boolean {
    return this.mode !== 'head';
  }

  feed(chunk: Buffer): ParsedResponse | null {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    for (;;) {
      if (this.mode === 'head') {
        const end = this.buf.indexOf(HEAD_END);
        if (end < 0) {
          if (this.buf.length > MAX_HEAD) throw new Error('response head too large');
          return null;
        }
        const head = this.buf.toString('latin1', 0, end);
        this.buf = this.buf.subarray(end + 4);
        if (this.readHead(head)) continue; // a 1xx interim answer
        // readHead() changed the mode (TypeScript cannot see that).
        if ((this.mode as Mode) === 'length' && this.left === 0) return this.done();
        continue;
      }
      if (this.mode === 'length') {
        if (this.buf.length < this.left) return null;
        this.parts.push(this.buf.subarray(0, this.left));
        this.buf = this.buf.subarray(this.left);
        return this.done();
      }
      if (this.mode === 'until-close') {
        if (this.buf.length > 0) this.parts.push(this.buf);
        this.buf = NOTHING;
        return null;
      }
      if (this.mode === 'chunk-data') {
        if (this.buf.length < this.left) return null;
        this.parts.push(this.buf.subarray(0, this.left));
        this.buf = this.buf.subarray(this.left);
        this.mode = 'chunk-end';
        continue;
      }
      const eol = this.buf.indexOf(CRLF);
      if (eol < 0) {
        if (this.buf.length > MAX_HEAD) throw new Error('chunk line too long');
        return null;
      }
      const line = this.buf.toString('latin1', 0, eol);
      this.buf = this.buf.subarray(eol + 2);
      if (this.mode === 'chunk-end') {
        if (line !== '') throw new Error('malformed chunk');
        this.mode = 'chunk-size';
      } else if (this.mode === 'chunk-size') {
        const size = parseInt(line, 16);
        if (!/^[0-9a-fA-F]+/.test(line) || !Number.isFinite(size)) throw new Error('malformed chunk size');
        this.left = size;
        this.mode = size === 0 ? 'trailer' : 'chunk-data';
      } else if (line === '') {
        return this.done(); // the end of the trailer
      }
    }
  }

  /** The connection closed: a body delimited by the close is complete now, anything else is not. */
  end(): ParsedResponse | null {
    return this.mode === 'until-close' ? this.done() : null;
  }

  /** Reads a status line and headers; true when it was a 1xx to skip. */
  private readHead(head: string): boolean {
    // Walked with indexOf rather than split into lines: every answer's head passes here.
    const statusEnd = head.indexOf('\r\n');
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(statusEnd < 0 ? head : head.slice(0, statusEnd));
    if (!m) throw new Error('malformed status line');
    const status = Number(m[2]);
    if (status >= 100 && status < 200) return true;
    const headers: ResponseHeaders = {};
    for (let at = statusEnd < 0 ? head.length : statusEnd + 2; at < head.length;) {
      let end = head.indexOf('\r\n', at);
      if (end < 0) end = head.length;
      const colon = head.indexOf(':', at);
      if (colon <= at || colon >= end) throw new Error('malformed header');
      const name = head.slice(at, colon).trim().toLowerCase();
      const value = head.slice(colon + 1, end).trim();
      const prev = headers[name];
      headers[name] = prev === undefined ? value : `${prev}, ${value}`;
      at = end + 2;
    }
    const connection = (headers['connection'] ?? '').toLowerCase();
    this.status = status;
    this.headers = headers;
    this.close = connection.includes('close') || (m[1] === '0' && !connection.includes('keep-alive'));
    const length = headers['content-length'];
    if (status === 204 || status === 304) {
      this.mode = 'length';
      this.left = 0;
    } else if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) {
      this.mode = 'chunk-size';
    } else if (length !== undefined) {
      if (!/^\d+$/.test(length)) throw new Error('malformed content-length');
      this.mode = 'length';
      this.left = Number(length);
    } else {
      this.mode = 'until-close';
      this.close = true;
    }
    return false;
  }

  private done(): ParsedResponse {
    const body =
      this.parts.length === 1 ? this.parts[0]!.toString('utf8') : Buffer.concat(this.parts).toString('utf8');
    // Bytes after a complete answer that nobody asked for: the connection is not reused.
    const close = this.close || this.buf.length > 0;
    return { status: this.status, headers: this.headers, body, close };
  }
}
