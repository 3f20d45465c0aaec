import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from './http';
import { requestHead, ResponseParser } from './wire';

/** Feeds `text` one byte at a time: every boundary inside a head, a chunk size or a body is hit. */
function byteByByte(text: string) {
  const parser = new ResponseParser();
  const bytes = Buffer.from(text);
  let result = null;
  for (let i = 0; i < bytes.length; i++) {
    const r = parser.feed(bytes.subarray(i, i + 1));
    if (r) {
      expect(i).toBe(bytes.length - 1);
      result = r;
    }
  }
  return { result, parser };
}

describe('ResponseParser', () => {
  it('reads a Content-Length body split anywhere, with a UTF-8 character across bytes', () => {
    const body = '{"text":"õun"}';
    const { result } = byteByByte(
      `HTTP/1.1 201 Created\r\nContent-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 2\r\n\r\n${body}`,
    );
    expect(result).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'retry-after': '2' }),
      body,
      close: false,
    });
  });

  it('reads a chunked body with a trailer and skips a 100 Continue', () => {
    const { result } = byteByByte(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab\r\n\r\n3\r\ncde\r\n0\r\nX-T: 1\r\n\r\n',
    );
    expect(result?.status).toBe(200);
    expect(result?.body).toBe('ab\r\ncde');
  });

  it('waits for the close when the body has no length, and marks the connection not reusable', () => {
    const parser = new ResponseParser();
    expect(parser.feed(Buffer.from('HTTP/1.0 200 OK\r\n\r\npart'))).toBeNull();
    expect(parser.started).toBe(true);
    expect(parser.feed(Buffer.from(' two'))).toBeNull();
    expect(parser.end()).toMatchObject({ status: 200, body: 'part two', close: true });
  });

  it('says a truncated Content-Length body is not complete at the close', () => {
    const parser = new ResponseParser();
    expect(parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort'))).toBeNull();
    expect(parser.end()).toBeNull();
  });

  it('reads the next answer after reset() as a new parser would, nothing of the last one kept', () => {
    const parser = new ResponseParser();
    // Left mid-chunk (as when a request timed out), then reset for the connection's next exchange.
    expect(
      parser.feed(Buffer.from('HTTP/1.1 503 No\r\nTransfer-Encoding: chunked\r\n\r\n9\r\npart')),
    ).toBeNull();
    parser.reset();
    expect(parser.started).toBe(false);
    expect(parser.feed(Buffer.from('HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}'))).toEqual({
      status: 201,
      headers: { 'content-length': '2' },
      body: '{}',
      close: false,
    });
    parser.reset();
    expect(parser.feed(Buffer.from('HTTP/1.0 200 OK\r\n\r\nuntil'))).toBeNull();
    expect(parser.end()).toMatchObject({ status: 200, body: 'until', close: true });
  });

  it('throws on a malformed status line or chunk size', () => {
    expect(() => new ResponseParser().feed(Buffer.from('HTTX 200\r\n\r\n'))).toThrow();
    expect(() =>
      new ResponseParser().feed(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')),
    ).toThrow();
  });

  it('refuses a header value that would inject another header', () => {
    expect(() => requestHead('GET', new URL('http://h/x'), { a: 'b\r\nevil: 1' }, null)).toThrow();
    expect(requestHead('POST', new URL('http://h:1/v1/x?q=1'), { a: 'b' }, 3)).toBe(
      'POST /v1/x?q=1 HTTP/1.1\r\nhost: h:1\r\nconnection: keep-alive\r\na: b\r\ncontent-length: 3\r\n\r\n',
    );
  });
});

describe('lean transport against raw loopback servers', () => {
  let server: Server | null = null;
  afterEach(() => server?.close());

  const listen = (onRequest: (text: string, write: (s: string) => void, end: () => void) => void) =>
    new Promise<string>((resolve) => {
      server = createServer((socket) => {
        let text = '';
        socket.on('data', (d) => {
          text += d.toString();
          if (text.includes('\r\n\r\n') && text.endsWith('}')) {
            onRequest(
              text,
              (s) => socket.write(s),
              () => socket.end(),
            );
            text = '';
          }
        });
      }).listen(0, '127.0.0.1', () => {
        const a = server!.address();
        resolve(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/v1/omnimessage`);
      });
    });

  it('reuses one socket for sequential requests and reads chunked answers', async () => {
    let connections = 0;
    const url = await listen((_t, write) =>
      write('HTTP/1.1 201 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n'),
    );
    server!.on('connection', () => (connections += 1));
    const t = createTransport(4);
    for (let i = 0; i < 3; i++) {
      const r = await t.send({
        method: 'POST',
        url: new URL(url),
        headers: {},
        body: '{}',
        timeoutMs: 2_000,
      });
      expect(r).toMatchObject({ type: 'response', status: 201, body: 'ok' });
    }
    expect(connections).toBe(1);
    t.close();
  });

  it('calls a close after the request was written, before any answer, a reset', async () => {
    const url = await listen((_t, _w, end) => end());
    const t = createTransport(4);
    const r = await t.send({ method: 'POST', url: new URL(url), headers: {}, body: '{}', timeoutMs: 2_000 });
    expect(r).toMatchObject({ type: 'failure', reason: 'reset' });
    t.close();
  });

  it('calls a close in the middle of an answer a reset, and a close-delimited body a response', async () => {
    const half = await listen(
      (_t, write, end) => (write('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc'), end()),
    );
    const t = createTransport(4);
    const r1 = await t.send({
      method: 'POST',
      url: new URL(half),
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
    });
    expect(r1).toMatchObject({
      type: 'failure',
      reason: 'reset',
      detail: expect.stringContaining('reading'),
    });
    server!.close();
    const whole = await listen((_t, write, end) => (write('HTTP/1.1 200 OK\r\n\r\nall of it'), end()));
    const r2 = await t.send({
      method: 'POST',
      url: new URL(whole),
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
    });
    expect(r2).toMatchObject({ type: 'response', status: 200, body: 'all of it' });
    t.close();
  });

  it('queues requests beyond maxSockets and times out with one shared timer', async () => {
    let heard: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (heard = resolve));
    const url = await listen(() => heard()); // hears the request, never answers
    const t = createTransport(1);
    const send = (timeoutMs: number) =>
      t.send({ method: 'POST', url: new URL(url), headers: {}, body: '{}', timeoutMs });
    // The second is sent once the first is on the wire, so however slow the machine, the first
    // holds the one socket and the second waits for it; its earlier deadline fires first.
    const first = send(2_000);
    await written;
    const [a, b] = await Promise.all([first, send(100)]);
    expect(a).toMatchObject({ type: 'failure', reason: 'timeout' });
    // The second never got a socket: it cannot have been written.
    expect(b).toMatchObject({ type: 'failure', reason: 'connect' });
    t.close();
  });
});
