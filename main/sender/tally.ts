// The live counts of a running campaign, kept in memory and moved with every transition, so that
// progress (several times a second) never has to count a 200 000-row table.
import type { CampaignProgress, CampaignStatus, ErrorGroup, MessageState } from '../../shared/types';
import type { CampaignTally } from '../db/queries/sending';
import type { RowResult } from '../db/queries/sending-store';
import { explain } from './explanations';

const RATE_WINDOW_MS = 5_000;

export class Tally {
  counts: CampaignTally['counts'];
  total: number;
  committedMicros: number;
  private readonly errors = new Map<string, { title: string | null; count: number }>();
  private readonly started: number[] = [];
  private startedHead = 0;
  private firstStart: number | null = null;

  constructor(initial: CampaignTally) {
    this.counts = { ...initial.counts };
    this.total = initial.total;
    this.committedMicros = initial.committedMicros;
    this.reset(initial);
  }

  /** Takes the database's counts as the truth again (after rows changed outside the run). */
  reset(initial: CampaignTally): void {
    this.counts = { ...initial.counts };
    this.total = initial.total;
    this.committedMicros = initial.committedMicros;
    this.errors.clear();
    for (const e of initial.errors) this.errors.set(e.code, { title: e.title, count: e.count });
  }

  move(from: MessageState, to: MessageState, n = 1): void {
    this.counts[from] -= n;
    this.counts[to] += n;
  }

  /** A row claimed for a request: it leaves the queue and its cost is committed. */
  claimed(costMicros: number | null, now: number): void {
    this.move('queued', 'sending');
    this.committedMicros += costMicros ?? 0;
    this.started.push(now);
    this.firstStart ??= now;
  }

  settled(result: RowResult, costMicros: number | null): void {
    const to: MessageState = result.kind === 'requeue' ? 'queued' : result.kind;
    this.move('sending', to);
    // Refused or not sent: Messente bills nothing for it.
    if (to === 'failed' || to === 'queued') this.committedMicros -= costMicros ?? 0;
    if (result.kind === 'failed' || result.kind === 'unknown') {
      const group = this.errors.get(result.error.code) ?? { title: result.error.title, count: 0 };
      group.count += 1;
      this.errors.set(result.error.code, group);
    }
  }

  /** Messages started per second over the last few seconds. */
  currentRate(now: number): number {
    while (
      this.startedHead < this.started.length &&
      this.started[this.startedHead]! <= now - RATE_WINDOW_MS
    ) {
      this.startedHead += 1;
    }
    if (this.startedHead > 4096) {
      this.started.splice(0, this.startedHead);
      this.startedHead = 0;
    }
    const n = this.started.length - this.startedHead;
    if (n === 0 || this.firstStart === null) return 0;
    const span = Math.min(RATE_WINDOW_MS, Math.max(1_000, now - this.firstStart));
    return Math.round((n * 1_000 * 10) / span) / 10;
  }

  errorGroups(): ErrorGroup[] {
    return [...this.errors.entries()]
      .map(([code, g]) => ({ code, count: g.count, ...explain(code, g.title) }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }

  progress(
    campaignId: number,
    status: CampaignStatus,
    now: number,
    pace: number | null,
    stopReason: string | null,
  ): CampaignProgress {
    const remaining = this.counts.queued + this.counts.sending;
    return {
      campaignId,
      status,
      total: this.total,
      counts: { ...this.counts },
      currentRate: status === 'sending' ? this.currentRate(now) : 0,
      etaSeconds: status === 'sending' && pace ? Math.ceil(remaining / pace) : null,
      errors: this.errorGroups(),
      stopReason,
    };
  }
}
