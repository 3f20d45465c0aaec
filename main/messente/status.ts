// Delivery status answers (GET /v1/omnimessage/{id}/status) read into plain records. Prices stay
// strings: they are money, and the caller converts them without float rounding.
import type { MessenteError } from '../sender/types';

export interface PriceInfo {
  partPrice: string;
  partsCount: number;
  totalPrice: string;
}

export interface ChannelStatus {
  channel: string;
  messageId: string;
  sender: string | null;
  status: string | null;
  err: number | null;
  error: string | null;
  timestamp: string | null;
  priceInfo: PriceInfo | null;
}

export type StatusResult =
  | { kind: 'ok'; statuses: ChannelStatus[] }
  | { kind: 'not-found' }
  | { kind: 'auth'; httpStatus: 401 | 403; errors: MessenteError[] }
  /** Not processed (429, 503, no connection): worth asking again after `retryAfterMs` if given. */
  | { kind: 'retry'; httpStatus: number | null; retryAfterMs: number | null; detail: string }
  | { kind: 'error'; detail: string };

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const int = (value: unknown): number | null => {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : null;
};

function priceInfo(value: unknown): PriceInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  const partPrice = text(p['part_price']);
  const partsCount = int(p['parts_count']);
  const totalPrice = text(p['total_price']);
  if (partPrice === null || partsCount === null || totalPrice === null) return null;
  return { partPrice, partsCount, totalPrice };
}

/** The statuses array of a 200 answer, or null when the body is not one. */
export function parseStatuses(body: string): ChannelStatus[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const list = (parsed as { statuses?: unknown } | null)?.statuses;
  if (!Array.isArray(list)) return null;
  return list.map((raw) => {
    const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      channel: text(s['channel']) ?? 'sms',
      messageId: text(s['message_id']) ?? '',
      sender: text(s['sender']),
      status: text(s['status']),
      err: int(s['err']),
      error: text(s['error']),
      timestamp: text(s['timestamp']),
      priceInfo: priceInfo(s['price_info']),
    };
  });
}
