import { type Autoconvert } from '../../shared/limits';
// The part of the Messente client the sending engine uses. Declared here, structurally, so the
// engine depends only on these shapes: main/messente's client satisfies them, and so can a test
// double talking to a loopback server.

export interface MessenteError {
  code: string;
  title: string;
  detail: string;
  source: string | null;
}

/** What one request ended as. `retry` was provably not processed; `unknown` may have been. */
export type SendOutcome =
  | { kind: 'accepted'; httpStatus: number; omnimessageId: string; messageIds: string[] }
  | { kind: 'rejected'; httpStatus: number; errors: MessenteError[] }
  | { kind: 'auth'; httpStatus: 401 | 403; errors: MessenteError[] }
  | {
      kind: 'retry';
      reason: 'connect' | 'dns' | 'rate-limited' | 'unavailable';
      httpStatus: number | null;
      retryAfterMs: number | null;
      detail: string;
    }
  | {
      kind: 'unknown';
      reason: 'timeout' | 'reset' | 'server-error' | 'bad-response';
      httpStatus: number | null;
      detail: string;
    };

/** One item of a bulk reply: accepted or refused, item by item. */
export type BulkItemOutcome =
  | { kind: 'accepted'; omnimessageId: string; messageIds: string[] }
  | { kind: 'rejected'; errors: MessenteError[] };

/** A bulk request as a whole either answered per item, or ended like a single request. */
export type BulkOutcome =
  | { kind: 'items'; httpStatus: number; items: BulkItemOutcome[] }
  | Exclude<SendOutcome, { kind: 'accepted' }>;

export interface SmsBody {
  channel: 'sms';
  text: string;
  sender?: string;
  autoconvert?: Autoconvert;
}

export interface OmnimessageBody {
  to: string;
  messages: SmsBody[];
  time_to_send?: string;
}

/** What a request to cancel one scheduled omnimessage came to. */
export type CancelAnswer =
  /** 202: it will not be delivered. */
  | { kind: 'cancelled' }
  /** 404: already sent (its time has passed), or Messente does not know it. */
  | { kind: 'not-found' }
  /** Not processed (429/503 or no connection): ask again later. */
  | { kind: 'retry'; retryAfterMs: number | null; detail: string }
  | { kind: 'auth'; httpStatus: 401 | 403; detail: string }
  /** Anything else: whether it was cancelled is not known. */
  | { kind: 'error'; detail: string };

export interface SendClient {
  /**
   * `onWritten`, when the client can tell, is called once the request was written to its socket:
   * the pace counts it from then (a new connection may delay it).
   */
  sendOmnimessage(body: OmnimessageBody, onWritten?: () => void): Promise<SendOutcome>;
  sendOmnimessages(bodies: OmnimessageBody[], onWritten?: () => void): Promise<BulkOutcome>;
  /** Cancels a scheduled omnimessage (clients that cannot leave it out). */
  cancelScheduled?(omnimessageId: string): Promise<CancelAnswer>;
  close(): Promise<void> | void;
}

export interface StartOptions {
  /** Messages per second, MIN_RATE to MAX_RATE (Messente's per-IP limit) unless `allowUnsafeRate`. */
  rate: number;
  /** Stop before the predicted cost of what was sent would pass this; null = no cap. */
  maxCostMicros?: number | null;
  /** Omnimessages per request: 1 = single sends (default), 2–1000 = bulk requests. */
  batchSize?: number;
  /** Requests in flight at once; default grows with the rate. */
  maxInFlight?: number;
  /** Benchmarks only: lets `rate` pass MAX_RATE, which Messente would answer with 429. */
  allowUnsafeRate?: boolean;
  /**
   * ISO-8601 time passed to Messente as `time_to_send` (scheduled delivery) and stored with the
   * campaign; null = deliver now (clears a stored schedule); undefined = the stored one, if any.
   */
  timeToSend?: string | null;
  /** Give up on a row after this many `retry` outcomes (default 5). */
  maxAttempts?: number;
}
