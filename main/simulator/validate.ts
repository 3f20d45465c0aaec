// Request validation as Messente answers it: 106 for missing data, 105 for invalid data, each with
// the `source` field naming the payload path, so the app's error explanations can be exercised.
export interface ApiError {
  code: string;
  title: string;
  detail: string;
  source: string | null;
}

export interface ValidMessage {
  channel: string;
  text: string;
  sender: string | null;
  autoconvert: string | undefined;
}

export interface ValidOmnimessage {
  to: string;
  messages: ValidMessage[];
  timeToSend: number | null;
}

const CHANNELS = new Set(['sms', 'viber', 'whatsapp', 'rcs']);
/**
 * Messente's words on/full/off, and the document's own spelling of the same enum ("true" for on,
 * "false" for off: YAML read on/off as booleans when it was printed): a client following either
 * is answered as Messente would.
 */
const AUTOCONVERT: Record<string, string> = { on: 'on', full: 'full', off: 'off', true: 'on', false: 'off' };
const PRIORITIES = new Set(['low', 'regular', 'high']);
const E164 = /^\+?[1-9]\d{6,14}$/;

export const missing = (source: string, detail: string): ApiError => ({
  code: '106',
  title: 'Missing data',
  detail,
  source,
});
export const invalid = (source: string, detail: string): ApiError => ({
  code: '105',
  title: 'Invalid data',
  detail,
  source,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Alphanumeric up to 11 (letters and digits), or numeric up to 15 digits with an optional '+'. */
export function validSender(sender: string): boolean {
  if (/^\+?\d{1,15}$/.test(sender)) return true;
  return /^[A-Za-z0-9]{1,11}$/.test(sender);
}

export function validateOmnimessage(body: unknown): ValidOmnimessage | ApiError[] {
  if (!isRecord(body)) return [invalid('payload', 'Omnimessage must be a JSON object')];
  const errors: ApiError[] = [];
  const to = body['to'];
  if (to === undefined || to === null || to === '')
    errors.push(missing('payload[to]', 'Missing recipient phone number'));
  else if (typeof to !== 'string' || !E164.test(to))
    errors.push(invalid('payload[to]', `Invalid phone number ${String(to)}`));
  const ttsRaw = body['time_to_send'];
  let timeToSend: number | null = null;
  if (ttsRaw !== undefined && ttsRaw !== null) {
    timeToSend = typeof ttsRaw === 'string' ? parseIsoTime(ttsRaw) : null;
    if (timeToSend === null)
      errors.push(invalid('payload[time_to_send]', 'Invalid time_to_send, expected ISO-8601'));
  }
  if (body['priority'] !== undefined && !PRIORITIES.has(String(body['priority']))) {
    errors.push(invalid('payload[priority]', 'Invalid priority'));
  }
  const list = body['messages'];
  const messages: ValidMessage[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(missing('payload[messages]', 'Missing messages'));
  } else {
    for (const item of list) {
      const result = validateMessage(item);
      if (Array.isArray(result)) errors.push(...result);
      else messages.push(result);
    }
  }
  if (errors.length > 0) return errors;
  return { to: to as string, messages, timeToSend };
}

function validateMessage(item: unknown): ValidMessage | ApiError[] {
  if (!isRecord(item)) return [invalid('payload[messages]', 'Message must be a JSON object')];
  const channel = item['channel'] ?? 'sms';
  if (typeof channel !== 'string' || !CHANNELS.has(channel)) {
    return [invalid('payload[messages][channel]', `Unknown channel ${String(channel)}`)];
  }
  const errors: ApiError[] = [];
  const text = item['text'];
  if (typeof text !== 'string' || text === '')
    errors.push(missing(`payload[${channel}][text]`, 'Missing text'));
  const sender = item['sender'];
  if (sender !== undefined && sender !== null && (typeof sender !== 'string' || !validSender(sender))) {
    errors.push(invalid(`payload[${channel}][sender]`, `Invalid or disallowed sender ${String(sender)}`));
  }
  const autoconvert = item['autoconvert'];
  if (
    autoconvert !== undefined &&
    (typeof autoconvert !== 'string' || !Object.hasOwn(AUTOCONVERT, autoconvert))
  ) {
    errors.push(invalid(`payload[${channel}][autoconvert]`, `Invalid autoconvert ${String(autoconvert)}`));
  }
  if (errors.length > 0) return errors;
  return {
    channel,
    text: text as string,
    sender: typeof sender === 'string' ? sender : null,
    autoconvert: typeof autoconvert === 'string' ? AUTOCONVERT[autoconvert] : undefined,
  };
}

/** ISO-8601 date-time; without an offset it is UTC, as Messente documents. */
function parseIsoTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}
