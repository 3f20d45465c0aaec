// HTTP answers to the send endpoints turned into the engine's outcomes: retry
// only what provably was not processed, `unknown` for anything that might have been.
import type { BulkItemOutcome, BulkOutcome, OmnimessageBody, SendOutcome } from '../sender/types';
import { errorFrom, parseErrors, parseRetryAfter } from './errors';
import type { HttpFailure, HttpResponse } from './http';

type NotAccepted = Exclude<SendOutcome, { kind: 'accepted' }>;

export function failureOutcome(failure: HttpFailure): NotAccepted {
  if (failure.reason === 'connect' || failure.reason === 'dns') {
    return {
      kind: 'retry',
      reason: failure.reason,
      httpStatus: null,
      retryAfterMs: null,
      detail: failure.detail,
    };
  }
  return { kind: 'unknown', reason: failure.reason, httpStatus: null, detail: failure.detail };
}

/** Outcome of any non-2xx answer, shared by single and bulk sends. */
export function errorStatusOutcome(res: HttpResponse): NotAccepted {
  const { status } = res;
  if (status === 401 || status === 403)
    return { kind: 'auth', httpStatus: status, errors: parseErrors(status, res.body) };
  if (status === 429 || status === 503) {
    const errors = parseErrors(status, res.body);
    return {
      kind: 'retry',
      reason: status === 429 ? 'rate-limited' : 'unavailable',
      httpStatus: status,
      retryAfterMs: parseRetryAfter(res.headers['retry-after']),
      detail: errors.map((e) => e.detail || e.title).join('; '),
    };
  }
  if (status >= 500) {
    const detail = parseErrors(status, res.body)
      .map((e) => e.detail || e.title)
      .join('; ');
    return {
      kind: 'unknown',
      reason: 'server-error',
      httpStatus: status,
      detail: `HTTP ${status}: ${detail}`,
    };
  }
  if (status >= 400) return { kind: 'rejected', httpStatus: status, errors: parseErrors(status, res.body) };
  return { kind: 'unknown', reason: 'bad-response', httpStatus: status, detail: `unexpected HTTP ${status}` };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A success item → its ids, or null when it is not one. */
function acceptedItem(value: unknown): { omnimessageId: string; messageIds: string[] } | null {
  const item = record(value);
  if (!item || typeof item['omnimessage_id'] !== 'string') return null;
  const messages = Array.isArray(item['messages']) ? item['messages'] : [];
  const messageIds = messages
    .map((m) => record(m)?.['message_id'])
    .filter((id): id is string => typeof id === 'string');
  return { omnimessageId: item['omnimessage_id'], messageIds };
}

const badResponse = (status: number, what: string): NotAccepted => ({
  kind: 'unknown',
  reason: 'bad-response',
  httpStatus: status,
  detail: `HTTP ${status} with ${what}`,
});

export function singleOutcome(res: HttpResponse): SendOutcome {
  if (res.status < 200 || res.status >= 300) return errorStatusOutcome(res);
  const ids = acceptedItem(parseJson(res.body));
  if (!ids) return badResponse(res.status, 'a body that is not an omnimessage');
  // Written out, not spread: every accepted answer then has the same shape (see rowResult).
  return {
    kind: 'accepted',
    httpStatus: res.status,
    omnimessageId: ids.omnimessageId,
    messageIds: ids.messageIds,
  };
}

const digits = (phone: unknown) => (typeof phone === 'string' ? phone.replace(/\D/g, '') : null);

/**
 * Bulk items back in request order. Messente does not promise the order, so an item is taken at
 * the same position when its `to` agrees, else the first unused item with that `to`; error items
 * (which carry no `to`) fill the remaining places in order. Anything left unmatched makes the
 * whole answer `unknown`: guessing could mark a sent message as refused.
 */
export function bulkOutcome(res: HttpResponse, bodies: OmnimessageBody[]): BulkOutcome {
  if (res.status < 200 || res.status >= 300) return errorStatusOutcome(res);
  const list = record(parseJson(res.body))?.['messages'];
  if (!Array.isArray(list)) return badResponse(res.status, 'no messages array');
  if (list.length !== bodies.length)
    return badResponse(res.status, `${list.length} items for ${bodies.length} omnimessages`);
  const used = new Set<number>();
  const matched: (number | null)[] = bodies.map((body, i) => {
    const want = digits(body.to);
    const same = (j: number) => !used.has(j) && digits(record(list[j])?.['to']) === want && want !== null;
    const j = same(i) ? i : list.findIndex((_, k) => same(k));
    if (j < 0) return null;
    used.add(j);
    return j;
  });
  const errorSlots = list
    .map((_, j) => j)
    .filter((j) => !used.has(j) && record(list[j])?.['to'] === undefined);
  const items: BulkItemOutcome[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const j = matched[i] ?? errorSlots.shift();
    if (j === undefined) return badResponse(res.status, `no item for omnimessage ${i + 1}`);
    const raw = list[j];
    const accepted = acceptedItem(raw);
    if (accepted) {
      items.push({ kind: 'accepted', ...accepted });
      continue;
    }
    const errors = record(raw)?.['errors'];
    if (!Array.isArray(errors)) return badResponse(res.status, `an unreadable item for omnimessage ${i + 1}`);
    items.push({ kind: 'rejected', errors: errors.map((e) => errorFrom(400, e)) });
  }
  return { kind: 'items', httpStatus: res.status, items };
}

/** A non-send call's answer, sorted by what every such call does with it before reading its own. */
export type CallAnswer =
  /** Not processed (429/503, or no connection was made): worth asking again. */
  | { kind: 'retry'; httpStatus: number | null; retryAfterMs: number | null; detail: string }
  /** Reached Messente or may have, with no answer to read (timeout, reset). */
  | { kind: 'error'; detail: string }
  | { kind: 'auth'; res: HttpResponse & { status: 401 | 403 } }
  /** Any other answer: the call reads it (its 2xx, its 404…). */
  | { kind: 'answer'; res: HttpResponse };

/**
 * Sorts a status or cancel answer. `explain` words an answer for the operator (the client's own
 * sentences, with the password kept out).
 */
export function sortCallAnswer(
  res: HttpResponse | HttpFailure,
  explain: (res: HttpResponse) => string,
): CallAnswer {
  if (res.type === 'failure') {
    return res.reason === 'connect' || res.reason === 'dns'
      ? { kind: 'retry', httpStatus: null, retryAfterMs: null, detail: res.detail }
      : { kind: 'error', detail: res.detail };
  }
  if (res.status === 429 || res.status === 503) {
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    return { kind: 'retry', httpStatus: res.status, retryAfterMs, detail: explain(res) };
  }
  if (res.status === 401 || res.status === 403)
    return { kind: 'auth', res: res as HttpResponse & { status: 401 | 403 } };
  return { kind: 'answer', res };
}
