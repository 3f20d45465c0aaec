// One campaign being sent: the loop that takes queued rows, paces them, commits them as `sending`,
// sends them and records what came back. Lives from start (or resume) until it settles.
import type { CampaignProgress, CampaignStatus } from '../../shared/types';
import type { Db } from '../db/database';
import { nowIso } from '../db/database';
import { createSendingStore } from '../db/queries/sending-store';
import { nextHoldRelease, settleCampaign, skipPassedRows, tallyCampaign } from '../db/queries/sending';
import type { EventBus } from '../events';
import { Alarm } from './alarm';
import { RateGovernor } from './governor';
import { AnswerGuard } from './answer-guard';
import { ClaimAhead, type InFlight } from './claim-ahead';
import { thrownOutcome } from './outcomes';
import { omnimessageBody } from './request-body';
import { MESSENTE_REQUESTS_PER_SECOND, Pacer } from './pace';
import { ProgressThrottle } from './progress-throttle';
import { RowQueue, type Pending } from './queue';
import { HOLD_CHECK_MS, PASSED_AT_SUBMISSION } from './row-times';
import type { RunConfig } from './run-config';
import { settleAnswer, type AnswerContext, type StopKind } from './settle-answer';
import { Tally } from './tally';
import { relaxedSync, ResultWriter } from './writer';
import type { BulkOutcome, SendClient, SendOutcome } from './types';

/** A request handed to the client: the pace's number for it and when it was handed over. */
interface Sent {
  number: number;
  at: number;
}

export class CampaignRun {
  status: CampaignStatus = 'sending';
  stopReason: string | null = null;
  readonly done: Promise<CampaignProgress>;
  private resolveDone!: (p: CampaignProgress) => void;
  private stop: StopKind | null = null;
  private readonly writer: ResultWriter;
  private readonly pacer: Pacer;
  private readonly tally: Tally;
  private readonly queue: RowQueue;
  private readonly governor: RateGovernor;
  private readonly alarm = new Alarm();
  private readonly progressEvents: ProgressThrottle;
  private readonly guard: AnswerGuard;
  private readonly claims: ClaimAhead;
  private readonly answers: AnswerContext;
  private inFlight = 0;
  /** Claimed requests waiting for their planned time, in order. */
  private ready: InFlight[][] = [];
  /** The loop sleeps until a ready request's planned time (not for an answer). */
  private awaitingTime = false;
  private readonly wallClock: () => number;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly client: SendClient,
    private readonly clock: () => number,
    private readonly cfg: RunConfig,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.writer = new ResultWriter(
      createSendingStore(db),
      (error) =>
        this.requestStop('error', `Sending stopped: the results could not be saved (${String(error)}).`),
      relaxedSync(db),
    );
    this.pacer = new Pacer(
      cfg.rate,
      cfg.allowUnsafeRate ? Infinity : MESSENTE_REQUESTS_PER_SECOND,
      cfg.limiter ?? null,
    );
    this.governor = new RateGovernor(this.pacer, cfg.rate);
    this.progressEvents = new ProgressThrottle(clock, () =>
      this.events.emit('campaign.progress', this.progress()),
    );
    this.tally = new Tally(tallyCampaign(db, cfg.campaignId));
    this.wallClock = cfg.wallClock ?? Date.now;
    this.queue = new RowQueue(db, cfg.campaignId, this.wallClock);
    this.guard = new AnswerGuard(db, cfg.campaignId, cfg.sender, () => this.writer.flush());
    this.claims = new ClaimAhead(this.queue, this.tally, this.writer, this.pacer, cfg, {
      choice: cfg.passedChoice ?? 'skip',
      now: this.wallClock,
      skip: (rows) => this.skipPassed(rows),
    });
    this.answers = {
      maxAttempts: cfg.maxAttempts,
      governor: this.governor,
      guard: this.guard,
      tally: this.tally,
      writer: this.writer,
      queue: this.queue,
      requestStop: (kind, reason) => this.requestStop(kind, reason),
      resync: () => this.resync(),
    };
  }

  begin(): void {
    this.progressEvents.now();
    this.loop().then(
      () => this.finish(),
      (error: unknown) => {
        this.requestStop('error', `Sending stopped because of an unexpected problem: ${String(error)}`);
        this.finish();
      },
    );
  }

  /** Nothing new starts; requests in flight finish and are recorded, then the run settles. */
  requestStop(kind: StopKind, reason: string | null = null): void {
    if (kind === 'cancel' || this.stop === null) {
      this.stop = kind;
      if (reason !== null) this.stopReason = reason;
    }
    this.alarm.wake();
  }

  progress(): CampaignProgress {
    return this.tally.progress(
      this.cfg.campaignId,
      this.status,
      this.clock(),
      this.pacer.currentRate(),
      this.stopReason,
    );
  }

  /** Re-reads the counts after rows changed outside the run (an operator's decision about `unknown`). */
  resync(): void {
    this.writer.flush();
    this.tally.reset(tallyCampaign(this.db, this.cfg.campaignId));
    this.progressEvents.soon();
  }

  private async loop(): Promise<void> {
    let rescanned = false;
    while (this.stop === null) {
      const now = this.clock();
      this.governor.recover(now);
      if (this.inFlight >= this.cfg.maxInFlight) {
        await this.alarm.sleep(Infinity);
        continue;
      }
      const next = this.ready[0];
      if (next === undefined) {
        if (this.claimAhead(now) > 0) {
          rescanned = false;
          continue;
        }
        if (this.stop !== null) return;
        if (this.inFlight > 0 || this.queue.hasRetries()) {
          await this.alarm.sleep(this.queue.hasRetries() ? this.queue.nextRetryDue() - now : Infinity);
          continue;
        }
        // Rows queued again behind the cursor (by the operator) are picked up before completing.
        if (!rescanned && this.queue.rescan()) {
          rescanned = true;
          continue;
        }
        // Rows beyond Messente's scheduling window wait here, the campaign sending, until it opens.
        const held = nextHoldRelease(this.db, this.cfg.campaignId);
        if (held !== null) {
          const wait = Date.parse(held) - this.wallClock();
          await this.alarm.sleep(Math.max(1, Math.min(wait, this.cfg.holdCheckMs ?? HOLD_CHECK_MS)));
          rescanned = false;
          continue;
        }
        return;
      }
      // A batch larger than the window's room leaves in part: the rest stays claimed, next in line.
      const size = Math.min(next.length, Math.max(1, this.pacer.room(now)));
      const wait = Math.max(this.pacer.delayFor(size, now), this.governor.holdUntil - now);
      if (wait > 0) {
        // Answers need not wake this wait: it only ends at a planned time (see send).
        this.awaitingTime = true;
        await this.alarm.sleep(wait);
        this.awaitingTime = false;
        continue;
      }
      const request = size < next.length ? next.splice(0, size) : this.ready.shift()!;
      this.inFlight += 1;
      const sent: Sent = { number: -1, at: 0 };
      this.send(request, sent);
      // Stamped once handed to the client: later than the real start rather than earlier; a
      // request that had to wait for a connection is counted again once written, and one whose
      // answer was slow, from when it may have reached the server.
      sent.at = this.clock();
      sent.number = this.pacer.record(request.length, sent.at);
      // The next claims' commit (and its fsync) falls in the gap before the next planned time.
      if (this.ready.length === 0) this.claimAhead(this.clock());
      else this.writer.flushIfDue();
    }
  }

  /**
   * Claims the next requests (see ClaimAhead) into `ready`; returns how many were taken from the
   * queue. Stops the campaign when the spending cap leaves none.
   */
  private claimAhead(now: number): number {
    const { requests, taken, capStop } = this.claims.claim(this.inFlight, now);
    if (capStop !== null) this.requestStop('cap', capStop);
    this.ready.push(...requests);
    return taken;
  }

  /** Rows whose own time passed before submission (already taken from the queue), to be skipped. */
  private skipPassed(rows: readonly Pending[]): void {
    skipPassedRows(
      this.db,
      rows.map((p) => p.row.id),
      PASSED_AT_SUBMISSION,
    );
    this.resync();
  }

  /**
   * Sends one claimed request; its answer is settled when it comes. A plain promise chain rather
   * than an async function: one turn less for every message (see the client's `post`).
   */
  private send(items: InFlight[], sent: Sent): void {
    const onWritten = (): void => this.pacer.written(sent.number, this.clock());
    let answer: Promise<SendOutcome | BulkOutcome>;
    try {
      answer =
        this.cfg.batchSize === 1
          ? this.client.sendOmnimessage(omnimessageBody(items[0]!.row, this.cfg, this.wallClock()), onWritten)
          : this.client.sendOmnimessages(
              items.map((i) => omnimessageBody(i.row, this.cfg, this.wallClock())),
              onWritten,
            );
    } catch (error) {
      answer = Promise.resolve(thrownOutcome(error));
    }
    void answer.then(
      (outcome) => this.settle(items, sent, outcome),
      (error: unknown) => this.settle(items, sent, thrownOutcome(error)),
    );
  }

  private settle(items: InFlight[], sent: Sent, outcome: SendOutcome | BulkOutcome): void {
    const rateLimited = outcome.kind === 'retry' && outcome.reason === 'rate-limited';
    if (outcome.httpStatus !== null) this.pacer.answered(sent.number, sent.at, this.clock());
    try {
      settleAnswer(this.answers, items, outcome, this.clock(), nowIso());
    } finally {
      this.inFlight -= 1;
      this.progressEvents.soon();
      // A 429 moves the planned times (settle); otherwise a loop waiting for one has nothing new to
      // decide, and waking it would cost a timer re-armed per answer.
      if (!this.awaitingTime || rateLimited) this.alarm.wake();
    }
  }

  private async drain(): Promise<void> {
    while (this.inFlight > 0) await this.alarm.sleep(Infinity);
    this.queue.clearRetries();
    const unsent = this.ready.flat().map((p) => ({ messageId: p.row.id, attemptId: p.attemptId }));
    this.ready = [];
    this.writer.release(unsent);
  }

  private async finish(): Promise<void> {
    try {
      await this.drain();
      this.guard.requeueSystematic();
      this.status = this.finalStatus();
      settleCampaign(this.db, this.cfg.campaignId, this.status, this.stopReason);
      this.tally.reset(tallyCampaign(this.db, this.cfg.campaignId));
    } catch (error) {
      this.status = 'paused';
      this.stopReason ??= `Sending stopped and its state could not be saved: ${String(error)}`;
    }
    this.progressEvents.stop();
    const final = this.progress();
    this.events.emit('campaign.progress', final);
    this.resolveDone(final);
    try {
      await this.client.close();
    } catch {
      // The results are saved; a socket that fails to close does not change them.
    }
  }

  private finalStatus(): CampaignStatus {
    if (this.stop === 'cancel') return 'cancelled';
    if (this.stop === null) return 'completed';
    return 'paused';
  }
}
