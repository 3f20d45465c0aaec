// Pure pieces of the report screen: chart items from counts, and the live view of a campaign that
// progress events update.
import {
  MESSAGE_STATES,
  type CampaignProgress,
  type CampaignStatus,
  type CampaignSummary,
  type ErrorGroup,
  type MessageState,
  type StateCounts,
} from '../../../shared/types';
import { stateHint, stateLabel } from '../../lib/format';

/** One bar of a StateChart. */
export interface ChartItem {
  key: string;
  label: string;
  count: number;
  hint?: string;
  tone?: 'ok' | 'bad' | 'warn' | 'neutral' | 'active';
}

export interface LiveView {
  status: CampaignStatus;
  total: number;
  counts: StateCounts;
  currentRate: number | null;
  etaSeconds: number | null;
  errors: ErrorGroup[];
  stopReason: string | null;
}

const STATE_TONES: Record<MessageState, ChartItem['tone']> = {
  skipped: 'neutral',
  queued: 'neutral',
  sending: 'active',
  accepted: 'ok',
  failed: 'bad',
  unknown: 'warn',
  cancelled: 'neutral',
};

export function stateItems(counts: StateCounts): ChartItem[] {
  return MESSAGE_STATES.map((state) => ({
    key: state,
    label: stateLabel(state),
    count: counts[state],
    hint: stateHint(state),
    tone: STATE_TONES[state],
  }));
}

const DELIVERY_ORDER = ['DELIVRD', 'ACK', 'PENDING', 'UNDELIV', 'FAILED', 'EXPIRED', 'REJECTD'];
const DELIVERY_HINTS: Record<string, string> = {
  DELIVRD: 'delivered to the phone',
  ACK: 'accepted by the operator, not yet delivered',
  PENDING: 'no delivery status yet',
  UNDELIV: 'could not be delivered',
  FAILED: 'delivery failed',
  EXPIRED: 'the phone was unreachable until the message expired',
  REJECTD: 'rejected by the operator',
};

/** Delivery statuses in a stable order: delivered first, problems after, unknown ones last. */
export function deliveryItems(counts: Record<string, number>): ChartItem[] {
  const keys = Object.keys(counts).sort((a, b) => {
    const ia = DELIVERY_ORDER.indexOf(a);
    const ib = DELIVERY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return keys.map((key) => ({
    key,
    label: key,
    count: counts[key] ?? 0,
    ...(DELIVERY_HINTS[key] ? { hint: DELIVERY_HINTS[key] } : {}),
    tone: key === 'DELIVRD' ? 'ok' : key === 'ACK' || key === 'PENDING' ? 'neutral' : 'bad',
  }));
}

/** A campaign's detail carries its error groups (finished ones too); a bare summary does not. */
export function viewOfSummary(
  summary: CampaignSummary & { errors?: ErrorGroup[] },
  previous: LiveView | null,
): LiveView {
  return {
    status: summary.status,
    total: summary.total,
    counts: summary.counts,
    currentRate: null,
    etaSeconds: null,
    // A bare summary (pause, resume…) has no error groups: keep the last ones seen.
    errors: summary.errors ?? previous?.errors ?? [],
    stopReason: summary.status === 'sending' ? null : (previous?.stopReason ?? null),
  };
}

export function viewOfProgress(progress: CampaignProgress): LiveView {
  return {
    status: progress.status,
    total: progress.total,
    counts: progress.counts,
    currentRate: progress.currentRate,
    etaSeconds: progress.etaSeconds,
    errors: progress.errors,
    stopReason: progress.stopReason,
  };
}

/** Whether a campaign may still change by itself (progress events are expected). */
export function isActive(status: CampaignStatus): boolean {
  return status === 'sending';
}

export const FINAL_STATUSES: readonly CampaignStatus[] = ['completed', 'cancelled'];

/** Accepted rows whose delivery finally failed: the ones "retry undelivered" would take. */
export function countUndelivered(delivery: Record<string, number> | null): number {
  if (!delivery) return 0;
  return ['UNDELIV', 'FAILED', 'EXPIRED', 'REJECTD'].reduce((sum, key) => sum + (delivery[key] ?? 0), 0);
}

// Final delivery statuses that mean the message did not reach the phone (Messente's DLR values).
const UNDELIVERED_STATUSES = new Set(['UNDELIV', 'FAILED', 'REJECTD', 'EXPIRED', 'NACK']);

/** A row's colour from its delivery status when Messente reported one; null leaves the state's colour. */
export function deliveryTone(status: string | null): 'ok' | 'danger' | null {
  if (status === 'DELIVRD') return 'ok';
  if (status !== null && UNDELIVERED_STATUSES.has(status)) return 'danger';
  return null;
}

/** One outcome card of the report: what became of the campaign's messages, in the operator's words. */
export interface OutcomeCard {
  key: 'delivered' | 'notDelivered' | 'awaiting' | 'refused' | 'unknown' | 'remaining' | 'cancelled';
  label: string;
  count: number;
  tone: 'ok' | 'bad' | 'warn' | 'neutral';
}

/**
 * Every message to send lands on exactly one card, so the cards add up to that total: accepted
 * ones by their delivery status (delivered, not delivered, still awaiting a status), the ones
 * Messente refused when sending, the unknown ones, and those not sent (yet, or cancelled).
 */
export function outcomeCards(counts: StateCounts, delivery: Record<string, number> | null): OutcomeCard[] {
  const delivered = Math.min(delivery?.DELIVRD ?? 0, counts.accepted);
  const notDelivered = Math.min(countUndelivered(delivery), counts.accepted - delivered);
  const cards: OutcomeCard[] = [
    { key: 'delivered', label: 'Delivered', count: delivered, tone: 'ok' },
    { key: 'notDelivered', label: 'Not delivered', count: notDelivered, tone: 'bad' },
    {
      key: 'awaiting',
      label: 'Awaiting delivery status',
      count: counts.accepted - delivered - notDelivered,
      tone: 'neutral',
    },
    { key: 'refused', label: 'Refused by Messente', count: counts.failed, tone: 'bad' },
    { key: 'unknown', label: 'Unknown', count: counts.unknown, tone: 'warn' },
    { key: 'remaining', label: 'Not sent yet', count: counts.queued + counts.sending, tone: 'neutral' },
  ];
  if (counts.cancelled > 0)
    cards.push({ key: 'cancelled', label: 'Cancelled', count: counts.cancelled, tone: 'neutral' });
  return cards;
}
