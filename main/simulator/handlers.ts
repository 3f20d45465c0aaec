// What the simulator answers once a request has passed rate limiting, routing and auth: sending,
// status, opt-out list and the legacy balance/price endpoints. Pure state + replies, no sockets.
import { randomUUID } from 'node:crypto';
import type { SimLog } from './log';
import type { Random } from './prng';
import { countryPricesJson, partPriceFor, pricelistCsv, pricesXml } from './prices';
import { countSegments } from './segments';
import { MAX_SCHEDULE_DAYS, MAX_SCHEDULE_MS } from '../../shared/limits';
import { pickFinalStatus, statusBody, type DeliveryRates, type StoredOmnimessage } from './statuses';
import type { SimulatorStore, StoreLine } from './store';
import { invalid, missing, validateOmnimessage, type ApiError, type ValidOmnimessage } from './validate';

export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** The log line(s) this request added, once written: the answer waits for it. */
  logged?: Promise<void>;
}

export interface AcceptedMessage {
  omnimessageId: string;
  to: string;
  sender: string | null;
  text: string;
  receivedAt: string;
  messageIds: string[];
  timeToSend: string | null;
}

export interface SimState {
  now: () => number;
  deliveryRandom: Random;
  deliveryRates: DeliveryRates | undefined;
  pricePerPartEur: Record<string, number> | undefined;
  statusDelayMs: number;
  log: SimLog | null;
  /** Where accepted messages are kept for later processes (test mode); null keeps them in memory. */
  store: SimulatorStore | null;
  accepted: AcceptedMessage[];
  byId: Map<string, StoredOmnimessage>;
  blacklist: Set<string>;
  balanceEur: number;
  /** The account's default sender name, used (and answered) when a message names none. */
  defaultSender: string;
  /** Omnimessage ids cancelled before their time_to_send, in order. */
  cancelled: string[];
}

export const errorReply = (status: number, errors: ApiError[], headers?: Record<string, string>): Reply => ({
  status,
  json: { errors },
  ...(headers ? { headers } : {}),
});

const parseJson = (raw: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
};

const badJson = (): Reply => errorReply(400, [invalid('payload', 'Request body is not valid JSON')]);

/** What one request writes before its answer: log lines, and lines for the store. */
interface Written {
  log: string[];
  kept: StoreLine[];
}

const written = (): Written => ({ log: [], kept: [] });

/** Stores, bills and logs one valid omnimessage; returns its success item. */
function accept(state: SimState, message: ValidOmnimessage, receivedAt: number, out: Written): object {
  const omnimessageId = randomUUID();
  const stored: StoredOmnimessage = {
    omnimessageId,
    to: message.to,
    startsAt: Math.max(receivedAt, message.timeToSend ?? 0),
    cancelledAt: null,
    messages: message.messages.map((m) => ({
      channel: m.channel,
      messageId: randomUUID(),
      sender: m.sender ?? state.defaultSender,
      parts: countSegments(m.text, m.autoconvert).parts,
      partPrice: partPriceFor(message.to, state.pricePerPartEur),
      final: pickFinalStatus(state.deliveryRandom, state.deliveryRates),
    })),
  };
  state.byId.set(omnimessageId, stored);
  out.kept.push({ message: stored });
  const first = message.messages[0]!;
  state.accepted.push({
    omnimessageId,
    to: message.to,
    sender: first.sender,
    text: first.text,
    receivedAt: new Date(receivedAt).toISOString(),
    messageIds: stored.messages.map((m) => m.messageId),
    timeToSend: message.timeToSend === null ? null : new Date(message.timeToSend).toISOString(),
  });
  for (const m of stored.messages) state.balanceEur -= m.partPrice * m.parts;
  const entry = {
    omnimessage_id: omnimessageId,
    to: message.to,
    sender: first.sender,
    text: first.text,
    ...(message.timeToSend === null ? {} : { time_to_send: new Date(message.timeToSend).toISOString() }),
  };
  out.log.push(JSON.stringify({ ...entry, received_at: new Date(receivedAt).toISOString() }));
  return {
    omnimessage_id: omnimessageId,
    to: message.to,
    messages: stored.messages.map((m) => ({ channel: m.channel, message_id: m.messageId, sender: m.sender })),
  };
}

/** One write per request, queued before the answer (see log.ts); undefined when nothing is logged. */
function flushLog(state: SimState, out: Written): Promise<void> | undefined {
  state.store?.append(out.kept);
  if (state.log === null || out.log.length === 0) return undefined;
  return state.log.append(out.log);
}

/** Messente schedules at most MAX_SCHEDULE_DAYS ahead: a later time_to_send is refused. */
function withinWindow(result: ValidOmnimessage | ApiError[], now: number): ValidOmnimessage | ApiError[] {
  if (Array.isArray(result) || result.timeToSend === null) return result;
  if (result.timeToSend <= now + MAX_SCHEDULE_MS) return result;
  return [invalid('payload[time_to_send]', `time_to_send may be at most ${MAX_SCHEDULE_DAYS} days ahead`)];
}

/** Takes in what other processes' simulators stored since the last look (test mode's shared world). */
export function catchUp(state: SimState): void {
  if (!state.store) return;
  for (const line of state.store.readNew()) {
    if ('message' in line) {
      if (!state.byId.has(line.message.omnimessageId))
        state.byId.set(line.message.omnimessageId, line.message);
    } else {
      const stored = state.byId.get(line.cancel);
      if (stored && stored.cancelledAt === null) stored.cancelledAt = line.at;
    }
  }
}

/**
 * An omnimessage this simulator or, with a store, another one accepted; read after taking in what
 * the others stored, so that a cancel made by another process is seen too.
 */
function find(state: SimState, id: string): StoredOmnimessage | undefined {
  catchUp(state);
  return state.byId.get(id);
}

const withLog = (reply: Reply, logged: Promise<void> | undefined): Reply =>
  logged ? { ...reply, logged } : reply;

export function sendOne(state: SimState, raw: string): Reply {
  const parsed = parseJson(raw);
  if (!parsed.ok) return badJson();
  const result = withinWindow(validateOmnimessage(parsed.value), state.now());
  if (Array.isArray(result)) return errorReply(400, result);
  const out = written();
  const item = accept(state, result, state.now(), out);
  return withLog({ status: 201, json: item }, flushLog(state, out));
}

export function sendMany(state: SimState, raw: string): Reply {
  const parsed = parseJson(raw);
  if (!parsed.ok) return badJson();
  const body = parsed.value;
  const list =
    typeof body === 'object' && body !== null ? (body as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(list) || list.length === 0)
    return errorReply(400, [missing('payload[messages]', 'Missing messages')]);
  const now = state.now();
  const out = written();
  const items = list.map((entry) => {
    const result = withinWindow(validateOmnimessage(entry), now);
    return Array.isArray(result) ? { errors: result } : accept(state, result, now, out);
  });
  return withLog({ status: 201, json: { messages: items } }, flushLog(state, out));
}

const notFound = (detail: string): Reply =>
  errorReply(404, [{ code: '101', title: 'Not found', detail, source: null }]);

export function status(state: SimState, id: string): Reply {
  const stored = find(state, id);
  if (!stored) return notFound(`Omnimessage ${id} not found`);
  return { status: 200, json: statusBody(stored, state.now(), state.statusDelayMs) };
}

/**
 * Cancels a scheduled message before its time_to_send: it will never be delivered and its status
 * reads DELETED. One already sent, already cancelled or unknown is 404, as Messente documents.
 */
export function cancel(state: SimState, id: string): Reply {
  const stored = find(state, id);
  const now = state.now();
  if (!stored || stored.cancelledAt !== null || stored.startsAt <= now)
    return notFound(`No scheduled omnimessage ${id}`);
  stored.cancelledAt = now;
  state.cancelled.push(id);
  for (const m of stored.messages) state.balanceEur += m.partPrice * m.parts;
  const line = { omnimessage_id: id, cancelled_at: new Date(now).toISOString() };
  return withLog(
    { status: 202, json: {} },
    flushLog(state, { log: [JSON.stringify(line)], kept: [{ cancel: id, at: now }] }),
  );
}

const phonebookError = (status: number, code: string, title: string, detail: string): Reply =>
  errorReply(status, [{ code, title, detail, source: null }]);

export function blacklistList(state: SimState): Reply {
  return { status: 200, json: { phoneNumbers: [...state.blacklist] } };
}

export function blacklistAdd(state: SimState, raw: string): Reply {
  const parsed = parseJson(raw);
  const phone = parsed.ok ? (parsed.value as { phoneNumber?: unknown } | null)?.phoneNumber : undefined;
  if (typeof phone !== 'string' || !/^\+?[1-9]\d{6,14}$/.test(phone)) {
    return phonebookError(400, '201', 'Invalid data', 'Invalid phone number provided');
  }
  if (state.blacklist.has(phone))
    return phonebookError(409, '204', 'Conflict', 'Phone number already blacklisted');
  state.blacklist.add(phone);
  return { status: 204 };
}

export function blacklistOne(state: SimState, method: string, phone: string): Reply {
  if (!state.blacklist.has(phone))
    return phonebookError(404, '203', 'Missing resource', 'Phone number is not in the blacklist');
  if (method === 'DELETE') state.blacklist.delete(phone);
  return { status: 204 };
}

/** Legacy endpoints: credentials in the query, plain-text answers with HTTP 200 even on errors. */
export function legacy(
  state: SimState,
  path: string,
  query: URLSearchParams,
  username: string,
  password: string,
): Reply {
  const text = (value: string): Reply => ({ status: 200, text: value });
  if (!query.get('username') || !query.get('password')) return text('ERROR 102');
  if (query.get('username') !== username || query.get('password') !== password) return text('ERROR 101');
  if (path === '/get_balance') return text(`OK ${state.balanceEur.toFixed(2)}`);
  // The document gives the price list as text/plain (CSV inside), not text/csv.
  if (path === '/pricelist') return text(pricelistCsv());
  const country = query.get('country');
  if (!country) return text('ERROR 102');
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'xml') return text('ERROR 106');
  const prices = countryPricesJson(country);
  if (!prices) return text('ERROR 104');
  if (format === 'xml')
    return { status: 200, text: pricesXml(prices), headers: { 'content-type': 'application/xml' } };
  return { status: 200, json: prices };
}
