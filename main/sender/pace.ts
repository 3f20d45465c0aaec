import { MESSENTE_REQUESTS_PER_SECOND } from '../../shared/limits';
// The pace of a campaign. Two rules together:
//  - a sliding window over the start times of the last second: never more than floor(rate) messages
//    (and, separately, never more than `requestCap` requests) started in ANY one-second window;
//  - even spacing: the next start is planned `window / rate` after the previous planned one, so the
//    window is filled smoothly instead of in a burst at its beginning (no token bucket, no burst).
// The window is a little longer than a second (WINDOW_MS) so that the jitter between our start
// times and the server's arrival times cannot make a server-side one-second window see one more.

export const WINDOW_MS = 1_015;

/**
 * How far behind plan the pacer catches up: a timer's usual lateness (Node counts in whole
 * milliseconds), which would otherwise lower the average rate. Lateness beyond it moves the plan
 * instead. The plan fills the window exactly, so a delay caught up comes back a window later: the
 * late start leaves the window late and holds back the request planned a window after it, which
 * then is late in turn, every window from then on; caught up whole, long delays made about one gap
 * in ten uneven at 50/s after 40 s of a campaign.
 */
const CATCH_UP_MS = 4;
/**
 * Catching up shortens a gap by at most this share of the planned spacing (or CATCH_UP_STEP_MS, at
 * high rates where timers' millisecond steps are a large share): after a late start the plan is
 * regained over the next few requests, not with one right behind it.
 */
const CATCH_UP_SHARE = 0.2;
const CATCH_UP_STEP_MS = 3;
/**
 * How much the quickest answer time allowed for (see answered()) rises with each answer, so that a
 * lasting change of route or server is learned within a few hundred answers.
 */
const QUICKEST_CREEP_MS = 0.05;
/**
 * An answer this much slower than the quickest moves its request's place in the window (see
 * answered()). Below it, the window's margin absorbs the delay; moving every request by the
 * loopback's usual millisecond of jitter would let the window, not the plan, space the requests.
 */
const SLOW_ANSWER_MS = 5;

export { MESSENTE_REQUESTS_PER_SECOND };

/**
 * A budget shared with other users of the same per-IP limit (other campaigns, status checks):
 * the pacer also waits for it, and reports its starts to it. Implemented in main/delivery-status/limiter.ts.
 */
export interface SharedRequestLimit {
  delayFor(kind: 'send', now: number): number;
  record(kind: 'send', now: number): void;
  /** The last `requests` sends are counted from `at` (later than recorded) instead. */
  restamp(kind: 'send', requests: number, at: number): void;
}

export class Pacer {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];
  private head = 0;
  /** Entries spliced off the front of `times` so far: a request's number minus this is its index. */
  private dropped = 0;
  private inWindow = 0;
  private nextPlanned = -Infinity;
  private lastStart = -Infinity;
  private lastCount = 0;
  /** When the last wait delayFor() asked for ended: the pacer's due time, to tell a late wake-up. */
  private wakeAt = Infinity;
  /** The quickest answer lately: a request answered slower may have reached the server late. */
  private quickest = Infinity;
  private rate: number;

  constructor(
    rate: number,
    private readonly requestCap: number = Infinity,
    private readonly shared: SharedRequestLimit | null = null,
  ) {
    this.rate = rate;
  }

  /** Lowers or restores the pace (429 back-off); spacing follows at once. */
  setRate(rate: number): void {
    this.rate = rate;
    this.nextPlanned = Math.max(this.nextPlanned, this.lastStart + (WINDOW_MS / rate) * this.lastCount);
  }

  currentRate(): number {
    return this.rate;
  }

  /** The most messages one request may carry and still fit in a window. */
  messageCap(): number {
    return Math.max(1, Math.floor(this.rate));
  }

  /** Messages that may start at `now` without overfilling the window (a smaller batch may go). */
  room(now: number): number {
    this.prune(now);
    return Math.max(0, this.messageCap() - this.inWindow);
  }

  /** Milliseconds to wait before a request of `messages` may start at `now` (0 = now). */
  delayFor(messages: number, now: number): number {
    this.prune(now);
    const spacing = (WINDOW_MS / this.rate) * this.lastCount;
    const minGap = spacing - Math.max(spacing * CATCH_UP_SHARE, CATCH_UP_STEP_MS);
    let at = Math.max(now, this.nextPlanned, this.lastStart + minGap);
    const requests = this.times.length - this.head;
    const cap = this.messageCap();
    // A request claimed before the pace was lowered may carry more than a window now holds: it
    // waits for an empty window.
    const need = Math.min(messages, cap);
    if (this.inWindow + need > cap || requests + 1 > this.requestCap) {
      // Wait until enough of the oldest starts have left the window.
      let freed = this.inWindow;
      let freedRequests = requests;
      // A start counted later (written()) may stand before earlier ones: all must have left.
      let latest = -Infinity;
      for (let i = this.head; i < this.times.length; i++) {
        freed -= this.counts[i]!;
        freedRequests -= 1;
        latest = Math.max(latest, this.times[i]!);
        if (freed + need <= cap && freedRequests + 1 <= this.requestCap) {
          at = Math.max(at, latest + WINDOW_MS);
          break;
        }
      }
    }
    const sharedDelay = this.shared ? this.shared.delayFor('send', now) : 0;
    const delay = Math.max(0, at - now, sharedDelay);
    if (delay > 0) this.wakeAt = now + delay;
    return delay;
  }

  /**
   * Records a request of `messages` starting at `now`; call only when delayFor() said 0. Returns
   * the request's number, for written().
   */
  record(messages: number, now: number): number {
    this.countFromNowIfLate(now);
    this.times.push(now);
    this.counts.push(messages);
    this.inWindow += messages;
    const interval = WINDOW_MS / this.rate;
    if (this.nextPlanned === -Infinity) this.nextPlanned = now;
    // Follow the plan while on time (timers fire late, this keeps the average rate), but never
    // bank more than CATCH_UP_MS of lateness.
    this.nextPlanned = Math.max(this.nextPlanned, now - CATCH_UP_MS) + interval * messages;
    this.lastStart = now;
    this.lastCount = messages;
    this.shared?.record('send', now);
    return this.dropped + this.times.length - 1;
  }

  /**
   * Request `request` (record()'s number) was written to its socket only at `at`: one that had to
   * wait for a new connection reaches the server that much later, so its place in the window is
   * counted from then. Without this, the requests of the next second could join it at the server.
   */
  written(request: number, at: number): void {
    const i = request - this.dropped;
    if (i < this.head || i >= this.times.length) return;
    if (at > this.times[i]!) this.times[i] = at;
  }

  /**
   * Request `request` (record()'s number, handed to the client at `sentAt`) was answered at `now`.
   * An answer slower than the quickest of late by more than a few milliseconds may have reached
   * the server that much late: a server that stopped reading for a moment reads the requests of
   * that moment together. The request is counted from then (the latest it can have arrived, as
   * far as its answer tells), so that the window holds at the server too: the requests a window
   * later wait for it.
   */
  answered(request: number, sentAt: number, now: number): void {
    const took = now - sentAt;
    this.quickest = Math.min(took, this.quickest + QUICKEST_CREEP_MS);
    if (took - this.quickest > SLOW_ANSWER_MS) this.written(request, sentAt + took - this.quickest);
  }

  /**
   * Woken well after the time delayFor() asked for, the process was stalled (a busy machine, a slow
   * commit): the last request, written before, may reach the server only now, next to the ones
   * about to catch up. It is counted from the stall's end, so the server's window still holds.
   */
  private countFromNowIfLate(now: number): void {
    const margin = WINDOW_MS - 1_000;
    const wakeAt = this.wakeAt;
    this.wakeAt = Infinity;
    if (now - wakeAt <= margin) return;
    let restamped = 0;
    for (let i = this.times.length - 1; i >= this.head && this.times[i]! >= this.lastStart; i--) {
      this.times[i] = Math.max(this.times[i]!, now - margin);
      restamped += 1;
    }
    if (restamped > 0) this.shared?.restamp('send', restamped, now - margin);
  }

  private prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= now - WINDOW_MS) {
      this.inWindow -= this.counts[this.head]!;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.counts.splice(0, this.head);
      this.dropped += this.head;
      this.head = 0;
    }
  }
}
