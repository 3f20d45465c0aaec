// Formatting for the screens: dates, counts, durations, money and the product's state words, so that
// every screen says the same thing the same way.
import type { CampaignStatus, MessageState } from '../../shared/types';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const count = new Intl.NumberFormat('en-GB');

/** "25 Nov 2026, 14:05" in local time; an empty or unparsable value becomes "—". */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

/** Thousands separated so that 100 000-row campaigns stay readable: "12,345". */
export function formatCount(n: number): string {
  return count.format(n);
}

/** Money is written one way in the whole product (amounts in cents, prices in their precision). */
export { formatMoney, formatMoneyRange, formatPrice } from '../../shared/money';

/** A wait in words: "45 s", "3 min 20 s", "2 h 5 min"; null (not sending) is "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.floor((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** Messages per second with one decimal below 10, where the difference matters. */
export function formatRate(perSecond: number): string {
  const value = perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond).toString();
  return `${value} msg/s`;
}

const STATE_WORDS: Record<MessageState, string> = {
  skipped: 'skipped',
  queued: 'queued',
  sending: 'sending',
  accepted: 'accepted',
  failed: 'failed',
  unknown: 'unknown',
  cancelled: 'cancelled',
};

const STATE_HINTS: Record<MessageState, string> = {
  skipped: 'invalid, duplicate or opted out: never sent',
  queued: 'waiting to be sent',
  sending: 'request in flight',
  accepted: 'Messente accepted it',
  failed: 'Messente refused it',
  unknown: 'may or may not have reached Messente; never retried automatically',
  cancelled: 'not sent because the campaign was cancelled',
};

/** The product's word for a row state. */
export function stateLabel(state: MessageState): string {
  return STATE_WORDS[state];
}

/** One line saying what a row state means, for tooltips and legends. */
export function stateHint(state: MessageState): string {
  return STATE_HINTS[state];
}

/** Campaign status words are the status names themselves; kept here so screens never invent others. */
export function statusLabel(status: CampaignStatus): string {
  return status;
}
