// Tests only: one HTTP request to a web host on loopback, answered in full.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { ENTRY_PATH } from './server';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  hostHeader?: string;
}

export function httpSend(port: number, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        // A fresh socket each time: a host stopped and restarted on the same port leaves pooled ones dead.
        agent: false,
        path,
        method: options.method ?? 'GET',
        headers: { Host: options.hostHeader ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What a browser sends for the printed link http://omnicast:TOKEN@host/open. */
export const basicAuth = (token: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`omnicast:${token}`).toString('base64')}`,
});

/** The printed link followed, as a browser does it. */
export const enterWith = (port: number, token: string): Promise<Reply> =>
  httpSend(port, ENTRY_PATH, { headers: basicAuth(token) });

/** name=value of the cookie a reply sets. */
export const cookieOf = (reply: Reply): string => (reply.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

/** The entry token inside a printed link. */
export const tokenOf = (link: string): string => /omnicast:([\w-]+)@/.exec(link)![1]!;
