// One HTTP exchange over keep-alive sockets, ending either in a full response or in a transport
// failure that says whether the request could have reached Messente. That distinction is what
// separates a safe retry from an `unknown` outcome (there is no idempotency key).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpResponse {
  type: 'response';
  status: number;
  headers: IncomingMessage['headers'];
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
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

export interface Transport {
  send(options: HttpOptions): Promise<HttpResponse | HttpFailure>;
  close(): void;
}

export function createTransport(maxSockets: number): Transport {
  // Free sockets are dropped before a typical server's idle timeout, so a reused socket is
  // rarely closed under a request that is then lost ("reset" would have to be `unknown`).
  const agentOptions = { keepAlive: true, maxSockets, timeout: 4_000, scheduling: 'lifo' as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  function send(options: HttpOptions): Promise<HttpResponse | HttpFailure> {
    return new Promise((resolve) => {
      const isHttps = options.url.protocol === 'https:';
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
      const req = (isHttps ? httpsRequest : httpRequest)(options.url, {
        method: options.method,
        headers,
        agent: isHttps ? https : http,
      });
      // "Written" = the whole request was handed to the socket: before that, the server cannot
      // have processed it (a body shorter than its Content-Length is never acted on).
      let written = false;
      let done = false;
      const finish = (result: HttpResponse | HttpFailure) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(result);
      };
      const fail = (reason: HttpFailure['reason'], detail: string) =>
        finish({ type: 'failure', reason, detail });
      const timer = setTimeout(() => {
        const seconds = (options.timeoutMs / 1_000).toFixed(1);
        if (written) fail('timeout', `no answer within ${seconds} s`);
        else fail('connect', `could not connect within ${seconds} s`);
        req.destroy();
      }, options.timeoutMs);
      req.on('finish', () => {
        written = true;
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? '';
        if (DNS_CODES.has(code)) return fail('dns', `cannot resolve ${options.url.hostname} (${code})`);
        if (!written)
          return fail('connect', `cannot connect to ${options.url.host} (${code || error.message})`);
        fail('reset', `connection closed before an answer (${code || error.message})`);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => fail('reset', 'connection closed while reading the answer'));
        res.on('aborted', () => fail('reset', 'connection closed while reading the answer'));
        res.on('end', () => {
          if (!res.complete) return fail('reset', 'connection closed while reading the answer');
          finish({
            type: 'response',
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      req.end(options.body);
    });
  }

  return {
    send,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
