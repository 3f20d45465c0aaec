// Cancelling a scheduled campaign's accepted messages at Messente (DELETE /omnimessage/{id}) before
// their delivery time, so that a cancelled or paused campaign does not go out and get billed
// anyway. Each request waits for its share of the request budget shared with sending and status
// checks; 429/503 are asked again after a back-off. Every row's answer is recorded.
import type { Db } from '../db/database';
import type { ScheduleCancelCounts } from '../../shared/types';
import {
  recordScheduleCancels,
  scheduledRows,
  type ScheduleCancelOutcome,
  type ScheduledRow,
} from '../db/queries/schedule-cancel';
import { askWithRetries, MAX_ATTEMPTS, takeShare } from '../messente/retries';
import type { SharedRequestLimit } from './pace';
import type { CancelAnswer } from './types';

export interface UnscheduleClient {
  cancelScheduled(omnimessageId: string): Promise<CancelAnswer>;
}

export interface UnscheduleOptions {
  /** What a cancelled row becomes: `cancelled` (campaign cancelled) or `queued` (paused). */
  then: 'cancelled' | 'queued';
  /**
   * The campaign's delivery time (ISO): a 404 after it means "already sent". A row with its own
   * delivery time is judged by that one instead.
   */
  timeToSend: string | null;
  limiter: SharedRequestLimit;
  /** The limiter's time base (performance.now()). */
  monotonic: () => number;
  wallClock: () => number;
  concurrency?: number;
  maxAttempts?: number;
  /** Only these data rows (MessageRow.row); every scheduled row when absent. */
  onlyRows?: ReadonlySet<number>;
}

export interface UnscheduleSummary extends ScheduleCancelCounts {
  /** Set when Messente refused the credentials: the rows not asked yet stay as they were. */
  stopped: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, ms)));

export async function cancelScheduledRows(
  db: Db,
  client: UnscheduleClient,
  campaignId: number,
  opts: UnscheduleOptions,
): Promise<UnscheduleSummary> {
  const all = scheduledRows(db, campaignId);
  const rows = opts.onlyRows ? all.filter((r) => opts.onlyRows!.has(r.row)) : all;
  const summary: UnscheduleSummary = { cancelled: 0, alreadySent: 0, unknown: 0, stopped: null };
  const campaignDue = opts.timeToSend === null ? NaN : Date.parse(opts.timeToSend);
  const acquire = () => takeShare(opts.limiter, 'send', opts.monotonic, sleep);
  const retries = { sleep, acquire, halted: () => false, maxAttempts: opts.maxAttempts ?? MAX_ATTEMPTS };

  const ask = async (row: ScheduledRow): Promise<ScheduleCancelOutcome | null> => {
    let result: CancelAnswer;
    try {
      await acquire();
      result = await askWithRetries(() => client.cancelScheduled(row.omnimessageId), retries);
    } catch {
      return 'unknown';
    }
    if (result.kind === 'cancelled') return 'cancelled';
    if (result.kind === 'not-found') {
      // A row of a planned campaign with no time of its own was delivered on submission.
      const due = row.sendAt === null ? campaignDue : Date.parse(row.sendAt);
      return Number.isNaN(due) || opts.wallClock() >= due ? 'already-sent' : 'unknown';
    }
    if (result.kind === 'auth') {
      summary.stopped = result.detail;
      return null;
    }
    // An error, or still `retry` when the tries ran out: whether it will go out is not known.
    return 'unknown';
  };

  let next = 0;
  const worker = async () => {
    while (next < rows.length && summary.stopped === null) {
      const row = rows[next++]!;
      const outcome = await ask(row);
      if (outcome === null) return;
      recordScheduleCancels(db, [{ messageId: row.id, outcome }], opts.then);
      if (outcome === 'cancelled') summary.cancelled += 1;
      else if (outcome === 'already-sent') summary.alreadySent += 1;
      else summary.unknown += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, rows.length) }, worker));
  return summary;
}
