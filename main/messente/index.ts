// The Messente client: the send endpoints the engine uses (SendClient), plus status, balance,
// price list, opt-out list and a connection test for the app. One keep-alive transport per client;
// the password never appears in an outcome, an error message or a log line.
import type { BulkOutcome, CancelAnswer, OmnimessageBody, SendClient, SendOutcome } from '../sender/types';
import { parseErrors, redactor } from './errors';
import { createTransport, type HttpFailure, type HttpResponse } from './http';
import { legacyError, parseBalance } from './legacy';
import { bulkOutcome, failureOutcome, singleOutcome, sortCallAnswer } from './outcomes';
import { parseStatuses, type StatusResult } from './status';

export type { ChannelStatus, PriceInfo, StatusResult } from './status';

export interface MessenteClientOptions {
  /** Omnichannel API base, e.g. https://api.messente.com/v1 */
  apiUrl: string;
  /** Legacy API base (balance, prices), e.g. https://api2.messente.com */
  legacyUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
  maxSockets?: number;
}

/** What became of a request to cancel one scheduled omnimessage. */
export type CancelResult = CancelAnswer;

export interface MessenteClient extends SendClient {
  getStatus(omnimessageId: string): Promise<StatusResult>;
  cancelScheduled(omnimessageId: string): Promise<CancelResult>;
  balance(): Promise<{ ok: true; eur: number } | { ok: false; message: string }>;
  pricelist(): Promise<{ ok: true; csv: string } | { ok: false; message: string }>;
  blacklist: {
    list(): Promise<string[]>;
    add(phone: string): Promise<void>;
    remove(phone: string): Promise<void>;
  };
  testConnection(): Promise<{ ok: true } | { ok: false; message: string }>;
  close(): void;
}

/** A plain-language failure of a non-send call; its message never holds the password. */
export class MessenteRequestError extends Error {
  override name = 'MessenteRequestError';
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

const AUTH_401 =
  'Messente refused the API username or password (401). Use the API credentials from Dashboard → API settings, not your dashboard login.';
const AUTH_403 =
  "Messente refused this computer (403): add its IP address, or 0.0.0.0/0, to the API key's IP allow-list in Dashboard → API settings.";

const joinUrl = (base: string, path: string) => new URL(`${base.replace(/\/+$/, '')}${path}`);

export function createMessenteClient(options: MessenteClientOptions): MessenteClient {
  const transport = createTransport(options.maxSockets ?? 64);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const redact = redactor(options.password);
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;

  // Built once: every send would otherwise parse the same URL and build the same headers again.
  // Frozen: their header lines are then built and checked once (wire.ts).
  const readHeaders = Object.freeze({ authorization, accept: 'application/json', 'user-agent': 'Omnicast' });
  const jsonHeaders = Object.freeze({ ...readHeaders, 'content-type': 'application/json' });
  const sendUrls = new Map<string, URL>();
  const sendUrl = (path: string): URL => {
    let url = sendUrls.get(path);
    if (!url) sendUrls.set(path, (url = joinUrl(options.apiUrl, path)));
    return url;
  };

  /** A failure's detail can quote the URL or a socket's message: the password is taken out. */
  const redacted = (failure: HttpFailure): HttpFailure => ({ ...failure, detail: redact(failure.detail) });

  async function api(method: string, path: string, body?: unknown): Promise<HttpResponse | HttpFailure> {
    const result = await transport.send({
      method,
      url: joinUrl(options.apiUrl, path),
      headers: body === undefined ? readHeaders : jsonHeaders,
      timeoutMs,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return result.type === 'failure' ? redacted(result) : result;
  }

  /**
   * A send: one promise from the socket's answer to the outcome, with no async functions between
   * them. Every message passes here, and each async layer would add a promise and a resumed call.
   */
  function post<T>(
    path: string,
    body: unknown,
    onWritten: (() => void) | undefined,
    outcome: (res: HttpResponse) => T,
    failed: (failure: HttpFailure) => T,
  ): Promise<T> {
    let payload: string;
    try {
      payload = JSON.stringify(body);
    } catch (error) {
      return Promise.reject(error);
    }
    return transport
      .send({ method: 'POST', url: sendUrl(path), headers: jsonHeaders, timeoutMs, body: payload, onWritten })
      .then((res) => (res.type === 'failure' ? failed(redacted(res)) : outcome(res)));
  }

  async function legacy(path: string): Promise<{ ok: true; body: string } | { ok: false; message: string }> {
    const url = joinUrl(options.legacyUrl, path);
    url.searchParams.set('username', options.username);
    url.searchParams.set('password', options.password);
    const res = await transport.send({
      method: 'GET',
      url,
      headers: { accept: 'text/plain, text/csv, */*' },
      timeoutMs,
    });
    if (res.type === 'failure')
      return { ok: false, message: redact(`Cannot reach Messente: ${res.detail}.`) };
    if (res.status !== 200) return { ok: false, message: `Messente answered HTTP ${res.status}.` };
    const error = legacyError(res.body);
    return error ? { ok: false, message: error } : { ok: true, body: res.body };
  }

  /** Non-send calls: a plain sentence for anything but success. */
  function explain(res: HttpResponse | HttpFailure): string {
    if (res.type === 'failure') return `Cannot reach Messente: ${res.detail}.`;
    if (res.status === 401) return AUTH_401;
    if (res.status === 403) return AUTH_403;
    const errors = parseErrors(res.status, res.body);
    return redact(
      `Messente answered HTTP ${res.status}: ${errors.map((e) => e.detail || e.title).join('; ')}`,
    );
  }

  const expect = async (res: Promise<HttpResponse | HttpFailure>, ok: number[]): Promise<HttpResponse> => {
    const r = await res;
    if (r.type === 'response' && ok.includes(r.status)) return r;
    throw new MessenteRequestError(explain(r), r.type === 'response' ? r.status : null);
  };

  return {
    sendOmnimessage(body: OmnimessageBody, onWritten?: () => void): Promise<SendOutcome> {
      return post('/omnimessage', body, onWritten, singleOutcome, failureOutcome);
    },
    sendOmnimessages(bodies: OmnimessageBody[], onWritten?: () => void): Promise<BulkOutcome> {
      return post(
        '/omnimessages',
        { messages: bodies },
        onWritten,
        (res) => bulkOutcome(res, bodies),
        failureOutcome,
      );
    },
    async getStatus(omnimessageId) {
      const res = await api('GET', `/omnimessage/${encodeURIComponent(omnimessageId)}/status`);
      const sorted = sortCallAnswer(res, explain);
      if (sorted.kind === 'retry' || sorted.kind === 'error') return sorted;
      if (sorted.kind === 'auth') {
        const { status, body } = sorted.res;
        return { kind: 'auth', httpStatus: status, errors: parseErrors(status, body) };
      }
      if (sorted.res.status === 404) return { kind: 'not-found' };
      if (sorted.res.status !== 200) return { kind: 'error', detail: explain(sorted.res) };
      const statuses = parseStatuses(sorted.res.body);
      return statuses
        ? { kind: 'ok', statuses }
        : { kind: 'error', detail: 'Messente sent a status answer that cannot be read.' };
    },
    async cancelScheduled(omnimessageId) {
      const res = await api('DELETE', `/omnimessage/${encodeURIComponent(omnimessageId)}`);
      const sorted = sortCallAnswer(res, explain);
      if (sorted.kind === 'retry')
        return { kind: 'retry', retryAfterMs: sorted.retryAfterMs, detail: sorted.detail };
      if (sorted.kind === 'error') return sorted;
      if (sorted.kind === 'auth')
        return { kind: 'auth', httpStatus: sorted.res.status, detail: explain(sorted.res) };
      const { status } = sorted.res;
      if (status === 202 || status === 200 || status === 204) return { kind: 'cancelled' };
      if (status === 404) return { kind: 'not-found' };
      return { kind: 'error', detail: explain(sorted.res) };
    },
    async balance() {
      const res = await legacy('/get_balance');
      if (!res.ok) return res;
      const eur = parseBalance(res.body);
      return eur === null
        ? { ok: false, message: 'Messente sent a balance that cannot be read.' }
        : { ok: true, eur };
    },
    async pricelist() {
      const res = await legacy('/pricelist');
      return res.ok ? { ok: true, csv: res.body } : res;
    },
    blacklist: {
      async list() {
        const res = await expect(api('GET', '/phonebook/blacklist'), [200]);
        let numbers: unknown;
        try {
          numbers = (JSON.parse(res.body) as { phoneNumbers?: unknown } | null)?.phoneNumbers;
        } catch {
          throw new MessenteRequestError('Messente sent an opt-out list that cannot be read.', res.status);
        }
        if (!Array.isArray(numbers))
          throw new MessenteRequestError('Messente sent an opt-out list that cannot be read.', res.status);
        return numbers.filter((n): n is string => typeof n === 'string');
      },
      async add(phone) {
        // 409 = already listed: the wish "this number is opted out" holds either way.
        await expect(api('POST', '/phonebook/blacklist', { phoneNumber: phone }), [200, 201, 204, 409]);
      },
      async remove(phone) {
        await expect(api('DELETE', `/phonebook/blacklist/${encodeURIComponent(phone)}`), [200, 204, 404]);
      },
    },
    async testConnection() {
      const res = await api('GET', '/phonebook/blacklist');
      if (res.type === 'response' && res.status === 200) return { ok: true };
      return { ok: false, message: explain(res) };
    },
    close() {
      transport.close();
    },
  };
}
