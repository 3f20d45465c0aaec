// What one answer from Messente does to a run: each row's result (kept for the next commit), the
// counts, a retry queued, and the stops it calls for (refused credentials, a systematic failure).
import type { AnswerGuard } from './answer-guard';
import type { InFlight } from './claim-ahead';
import type { RateGovernor } from './governor';
import { authStopReason, backoffMs, checkItemCount, itemOutcome, rowResult } from './outcomes';
import type { RowQueue } from './queue';
import type { Tally } from './tally';
import type { BulkOutcome, SendOutcome } from './types';
import type { ResultWriter } from './writer';

export type StopKind = 'pause' | 'cancel' | 'auth' | 'cap' | 'error' | 'systematic';

export interface AnswerContext {
  maxAttempts: number;
  governor: RateGovernor;
  guard: AnswerGuard;
  tally: Tally;
  writer: ResultWriter;
  queue: RowQueue;
  requestStop(kind: StopKind, reason: string): void;
  /** Reads the counts again (an earlier row lost its Messente id to this one). */
  resync(): void;
}

export function settleAnswer(
  ctx: AnswerContext,
  items: InFlight[],
  answer: SendOutcome | BulkOutcome,
  now: number,
  at: string,
): void {
  const outcome = checkItemCount(answer, items.length);
  if (outcome.kind === 'auth') ctx.requestStop('auth', authStopReason(outcome.httpStatus));
  if (outcome.kind === 'retry' && outcome.reason === 'rate-limited')
    ctx.governor.slowDown(now, outcome.retryAfterMs);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ticket = { messageId: item.row.id, attemptId: item.attemptId };
    const tries = item.tries + 1;
    // A bulk item's outcome is final for its row (one attempt, no retry); others follow the attempt count.
    const rowOutcome =
      outcome.kind === 'items' ? itemOutcome(outcome.items[i]!, outcome.httpStatus) : outcome;
    const answered =
      outcome.kind === 'items'
        ? rowResult(rowOutcome, ticket, at, false, 1)
        : rowResult(outcome, ticket, at, tries < ctx.maxAttempts, tries);
    const { result, stop } = ctx.guard.check(answered, rowOutcome);
    if (stop !== null) ctx.requestStop('systematic', stop);
    ctx.tally.settled(result, item.row.costMaxMicros);
    ctx.writer.add(result);
    if (result.kind === 'unknown' && result.error.code === 'shared-id') ctx.resync();
    if (result.kind === 'requeue' && result.attemptOutcome === 'retry') {
      const retryAfter = outcome.kind === 'retry' ? outcome.retryAfterMs : null;
      ctx.queue.retry({ row: item.row, tries, due: now + backoffMs(tries, retryAfter) });
    }
  }
}
