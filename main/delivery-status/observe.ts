// Messente's status answer read into one observation per row: the SMS channel's status decides,
// every channel's price is billed.
import type { StatusObservation } from '../db/queries/statuses';
import type { ChannelStatus, StatusResult } from '../messente/status';
import { decimalToMicros } from './money';
import { NOT_FOUND_STATUS } from './schedule';

/** Messente's `err` codes in the operator's words, for when the answer carries no `error` text. */
export const DELIVERY_ERR_MEANINGS: Readonly<Record<number, string>> = {
  1: 'Delivery failure',
  2: 'Expired before delivery',
  3: 'Invalid number',
  4: 'Error crediting the account',
  5: 'Invalid number format',
  6: 'Too many identical messages',
  7: 'Sender name not allowed',
  8: 'Blacklisted by the operator',
  9: 'Unroutable',
  999: 'General temporary error',
};

export const NOT_FOUND_ERROR =
  'Messente does not know this message (404): it may have been sent with other credentials.';

function primary(statuses: readonly ChannelStatus[]): ChannelStatus | undefined {
  return statuses.find((s) => s.channel === 'sms') ?? statuses[0];
}

function billed(statuses: readonly ChannelStatus[]): number | null {
  let sum: number | null = null;
  for (const s of statuses) {
    const micros = s.priceInfo ? decimalToMicros(s.priceInfo.totalPrice) : null;
    if (micros !== null) sum = (sum ?? 0) + micros;
  }
  return sum;
}

export function observe(result: StatusResult): StatusObservation {
  if (result.kind === 'not-found')
    return { kind: 'not-found', status: NOT_FOUND_STATUS, error: NOT_FOUND_ERROR };
  if (result.kind !== 'ok') return { kind: 'error' };
  const main = primary(result.statuses);
  if (!main || main.status === null) return { kind: 'pending' };
  const err = main.err;
  const error =
    main.error ?? (err !== null && err !== 0 ? (DELIVERY_ERR_MEANINGS[err] ?? `Error ${err}`) : null);
  return {
    kind: 'status',
    status: main.status,
    statusAt: main.timestamp,
    err,
    error,
    partPrice: main.priceInfo?.partPrice ?? null,
    partsCount: main.priceInfo?.partsCount ?? null,
    totalPrice: main.priceInfo?.totalPrice ?? null,
    billedMicros: billed(result.statuses),
    deliveredAt: main.status === 'DELIVRD' ? (main.timestamp ?? null) : null,
  };
}

/** A one-line reason for a failed status request, for the poller's last error. */
export function failureText(result: StatusResult): string | null {
  if (result.kind === 'auth') return `Messente refused the credentials (${result.httpStatus}).`;
  if (result.kind === 'error' || result.kind === 'retry') return result.detail;
  return null;
}
