// Delivery status sequences: each accepted message gets its final status at accept time (seeded),
// and its visible status advances one step per `statusDelayMs`: null → ACK → final, with EXPIRED
// passing through ACCEPTD first as an operator queue would.
import type { Random } from './prng';
import { money } from './prices';

export type FinalStatus = 'DELIVRD' | 'UNDELIV' | 'FAILED' | 'EXPIRED' | 'REJECTD';

export interface DeliveryRates {
  undeliv?: number;
  failed?: number;
  expired?: number;
  rejected?: number;
}

const FINAL_ERR: Record<FinalStatus, { err: number; error: string | null }> = {
  DELIVRD: { err: 0, error: null },
  UNDELIV: { err: 1, error: 'Delivery failure' },
  FAILED: { err: 9, error: 'Unroutable' },
  EXPIRED: { err: 2, error: 'Expired' },
  REJECTD: { err: 8, error: 'Operator blacklisted' },
};

/** Default mix: most messages arrive, a few percent do not, as on a real campaign. */
const DEFAULT_RATES: Required<DeliveryRates> = { undeliv: 0.03, failed: 0.01, expired: 0.01, rejected: 0.01 };

export function pickFinalStatus(random: Random, rates: DeliveryRates | undefined): FinalStatus {
  const r = { ...DEFAULT_RATES, ...rates };
  const roll = random();
  let edge = 0;
  for (const [status, rate] of [
    ['UNDELIV', r.undeliv],
    ['FAILED', r.failed],
    ['EXPIRED', r.expired],
    ['REJECTD', r.rejected],
  ] as const) {
    edge += rate;
    if (roll < edge) return status;
  }
  return 'DELIVRD';
}

export interface StoredChannelMessage {
  channel: string;
  messageId: string;
  sender: string;
  parts: number;
  partPrice: number;
  final: FinalStatus;
}

export interface StoredOmnimessage {
  omnimessageId: string;
  to: string;
  /** When statuses start moving: accept time, or time_to_send when later. */
  startsAt: number;
  /** Cancelled (DELETE before startsAt): never delivered, its status reads DELETED. */
  cancelledAt: number | null;
  messages: StoredChannelMessage[];
}

function stepsFor(final: FinalStatus): (string | null)[] {
  return final === 'EXPIRED' ? [null, 'ACK', 'ACCEPTD', 'EXPIRED'] : [null, 'ACK', final];
}

/**
 * A delivery report. Fields the document types as non-null (status, err, timestamp, price_info) are
 * left out while a message has none yet, rather than sent as null.
 */
export function statusBody(stored: StoredOmnimessage, now: number, statusDelayMs: number): object {
  const elapsed = Math.max(0, now - stored.startsAt);
  return {
    omnimessage_id: stored.omnimessageId,
    to: stored.to,
    statuses: stored.messages.map((m) => {
      const head = { channel: m.channel, message_id: m.messageId, sender: m.sender };
      if (stored.cancelledAt !== null) {
        return { ...head, status: 'DELETED', err: 0, error: null, timestamp: iso(stored.cancelledAt) };
      }
      const steps = stepsFor(m.final);
      const index = Math.min(
        steps.length - 1,
        statusDelayMs <= 0 ? steps.length - 1 : Math.floor(elapsed / statusDelayMs),
      );
      const status = now < stored.startsAt ? null : (steps[index] ?? null);
      if (status === null) return { ...head, error: null };
      const isFinal = index === steps.length - 1;
      return {
        ...head,
        status,
        err: isFinal ? FINAL_ERR[m.final].err : 0,
        error: isFinal ? FINAL_ERR[m.final].error : null,
        timestamp: iso(stored.startsAt + index * Math.max(0, statusDelayMs)),
        price_info: {
          part_price: money(m.partPrice),
          parts_count: m.parts,
          total_price: money(m.partPrice * m.parts),
        },
      };
    }),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
