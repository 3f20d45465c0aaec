// When a long campaign stops sending, the desktop shows a notification: the operator has usually
// switched to other work by then. Electron-free: main.ts turns a notice into `new Notification`.
import type { CampaignProgress } from '../../shared/types';

/** Shorter runs end while the operator is still watching the window: no notification. */
export const LONG_CAMPAIGN_MS = 30_000;

export type FinishOutcome = 'completed' | 'cancelled' | 'stopped';

export interface FinishNotice {
  campaignId: number;
  outcome: FinishOutcome;
  body: string;
}

const count = (n: number): string => n.toLocaleString('en');

function outcomeOf(next: CampaignProgress): FinishOutcome | null {
  if (next.status === 'completed') return 'completed';
  if (next.status === 'cancelled') return 'cancelled';
  // Paused by the operator is their own doing; paused by itself (credentials, spending cap) needs them.
  if (next.status === 'paused' && next.stopReason) return 'stopped';
  return null;
}

function countsLine(p: CampaignProgress): string {
  const { accepted, failed, unknown, skipped, cancelled } = p.counts;
  const parts = [`${count(accepted)} of ${count(p.total)} accepted`];
  if (failed > 0) parts.push(`${count(failed)} failed`);
  if (unknown > 0) parts.push(`${count(unknown)} unknown`);
  if (skipped > 0) parts.push(`${count(skipped)} skipped`);
  if (cancelled > 0) parts.push(`${count(cancelled)} not sent`);
  return parts.join(', ');
}

/**
 * Whether to notify about `next`, given the campaign's previous progress and when it started
 * sending (ms, same clock as `nowMs`). Only a change from sending to a stop counts, so the repeated
 * final events (status refreshes, the report re-reading) never notify twice.
 */
export function finishNotice(
  previous: CampaignProgress | undefined,
  next: CampaignProgress,
  sendingSinceMs: number | undefined,
  nowMs: number,
): FinishNotice | null {
  if (previous?.status !== 'sending' || sendingSinceMs === undefined) return null;
  const outcome = outcomeOf(next);
  if (!outcome || nowMs - sendingSinceMs <= LONG_CAMPAIGN_MS) return null;
  const body = outcome === 'stopped' ? `${next.stopReason}\n${countsLine(next)}` : countsLine(next);
  return { campaignId: next.campaignId, outcome, body };
}

export function noticeTitle(outcome: FinishOutcome, name: string | null): string {
  const campaign = name ? `“${name}”` : 'Campaign';
  if (outcome === 'completed') return `${campaign} finished sending`;
  if (outcome === 'cancelled') return `${campaign} was cancelled`;
  return `${campaign} stopped: action needed`;
}

/** Keeps each campaign's last progress and sending start; returns a listener for progress events. */
export function watchFinishes(
  notify: (notice: FinishNotice) => void,
  now: () => number = Date.now,
): (progress: CampaignProgress) => void {
  const last = new Map<number, CampaignProgress>();
  const sendingSince = new Map<number, number>();
  return (next) => {
    const id = next.campaignId;
    const previous = last.get(id);
    if (next.status === 'sending' && previous?.status !== 'sending') sendingSince.set(id, now());
    const notice = finishNotice(previous, next, sendingSince.get(id), now());
    if (next.status !== 'sending') sendingSince.delete(id);
    last.set(id, next);
    if (notice) notify(notice);
  };
}
