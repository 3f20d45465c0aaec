// Claiming ahead: the requests of the next moment are committed as `sending` (one transaction,
// one fsync) before the first of them leaves, then each waits for its own planned time with no
// disk write in its way.
import type { Claim } from '../db/queries/sending-store';
import { nowIso } from '../db/database';
import { capStopReason, fitsCap } from './cap';
import type { Pacer } from './pace';
import type { Pending, RowQueue } from './queue';
import { splitPassed, type PassedChoice } from './row-times';
import type { Tally } from './tally';
import type { ResultWriter } from './writer';

/** A claimed row: its open send_attempts row is the proof that it was claimed. */
export interface InFlight extends Pending {
  attemptId: number;
}

/** Requests claimed by one commit at most. */
const MAX_GROUP = 64;
/**
 * Requests are claimed for this far ahead: at 150/s one commit (and its fsync) serves 30 requests,
 * at 50/s ten, and a slow fsync delays none of them. Each commit costs more than its CPU: the
 * process sleeps in its fsync, and the wake-ups after it cost as much as sending a request (an
 * horizon of 100 ms cost about 0.4 wake-ups a message more at 50/s). The price: a crash may leave
 * this many claimed rows `unknown` that never left (never sent twice, only reported
 * conservatively); a stop gives them back.
 */
export const CLAIM_AHEAD_MS = 200;
/**
 * At a slow pace the horizon grows until one commit serves this many messages (up to
 * CLAIM_AHEAD_MAX_MS): at 10/s, a commit every 200 ms would serve two, and its fsync and the
 * wake-ups after it would come with every other message. A crash then leaves at most as many
 * claimed rows `unknown` as at 50/s.
 */
const CLAIM_AT_LEAST = 10;
const CLAIM_AHEAD_MAX_MS = 1_000;

/** How far ahead requests are claimed at `rate` messages a second. */
export function claimHorizonMs(rate: number): number {
  return Math.min(CLAIM_AHEAD_MAX_MS, Math.max(CLAIM_AHEAD_MS, (CLAIM_AT_LEAST / rate) * 1_000));
}

export interface ClaimLimits {
  batchSize: number;
  maxInFlight: number;
  maxCostMicros: number | null;
}

export interface Claimed {
  /** The claimed requests in order, each the rows of one request. */
  requests: InFlight[][];
  /**
   * Requests taken from the queue, claimed or not: a row no longer queued in the database (changed
   * by another process) is skipped, and the queue may hold more behind it.
   */
  taken: number;
  /** Set when the spending cap leaves no request to claim: why the campaign stops. */
  capStop: string | null;
}

/** Rows whose own delivery time has passed by submission: the operator's choice and who skips them. */
export interface PassedRows {
  choice: PassedChoice;
  /** Wall-clock ms. */
  now: () => number;
  /** Records rows to skip (already taken from the queue). */
  skip: (rows: readonly Pending[]) => void;
}

const costOf = (batch: Pending[]) => batch.reduce((sum, p) => sum + (p.row.costMaxMicros ?? 0), 0);

export class ClaimAhead {
  constructor(
    private readonly queue: RowQueue,
    private readonly tally: Tally,
    private readonly writer: ResultWriter,
    private readonly pacer: Pacer,
    private readonly limits: ClaimLimits,
    private readonly passed: PassedRows | null = null,
  ) {}

  /**
   * Claims the requests of the next claim horizon (at least one) in one commit, the waiting
   * results committed with them. Nothing claimed means nothing is queued now, or the cap is reached.
   */
  claim(inFlight: number, now: number): Claimed {
    const { batchSize, maxInFlight, maxCostMicros } = this.limits;
    const perRequest = Math.min(batchSize, this.pacer.messageCap());
    const rate = this.pacer.currentRate();
    const perHorizon = Math.floor(((rate / perRequest) * claimHorizonMs(rate)) / 1000);
    const wanted = Math.min(MAX_GROUP, maxInFlight - inFlight, Math.max(1, perHorizon));
    const group: Pending[][] = [];
    let committed = this.tally.committedMicros;
    let capStop: string | null = null;
    while (group.length < Math.max(1, wanted)) {
      const peeked = this.queue.peek(now, perRequest);
      if (peeked.length === 0) break;
      // Rows whose own time has passed are cut off the front to be skipped, or end the batch there.
      const { skip, send } = this.passed
        ? splitPassed(peeked, this.passed.choice, this.passed.now())
        : { skip: 0, send: peeked.length };
      if (skip > 0) {
        const gone = peeked.slice(0, skip);
        this.queue.take(gone);
        this.passed!.skip(gone);
        continue;
      }
      const batch = send < peeked.length ? peeked.slice(0, send) : peeked;
      const fitting = fitsCap(batch, committed, maxCostMicros);
      if (fitting.length === 0) {
        if (group.length === 0) capStop = capStopReason(batch[0]!.row, this.tally, maxCostMicros ?? 0);
        break;
      }
      this.queue.take(fitting);
      committed += costOf(fitting);
      group.push(fitting);
      // The rest of that batch does not fit: the next claim stops the campaign at the cap.
      if (fitting.length < batch.length) break;
    }
    return { requests: group.length > 0 ? this.commit(group, now) : [], taken: group.length, capStop };
  }

  private commit(group: Pending[][], now: number): InFlight[][] {
    const claims: Claim[] = group.flat().map((p) => ({ messageId: p.row.id, attemptId: null }));
    this.writer.commit(claims, nowIso());
    const requests: InFlight[][] = [];
    let i = 0;
    for (const batch of group) {
      const live: InFlight[] = [];
      for (const p of batch) {
        const attemptId = claims[i++]!.attemptId;
        if (attemptId === null) continue;
        // Fields written out, not spread: a spread copy here made each later read of the request's
        // fields a property lookup that missed its cache, once per message.
        live.push({ row: p.row, tries: p.tries, due: p.due, attemptId });
        this.tally.claimed(p.row.costMaxMicros, now);
      }
      if (live.length > 0) requests.push(live);
    }
    return requests;
  }
}
