// One budget of requests per window for everything that talks to Messente from this computer:
// sends (all campaigns) and status checks. Messente's limit is per IP, so two pacers that each
// respect it could still exceed it together. Sending has priority, but while both want to go,
// status checks keep a reserved share of every window so they never starve.
import { MESSENTE_REQUESTS_PER_SECOND, WINDOW_MS, type SharedRequestLimit } from '../sender/pace';

export type RequestKind = 'send' | 'poll';

export interface RequestLimiterOptions {
  /** Requests per window, sends and polls together (default: Messente's per-second limit). */
  capacity?: number;
  /** Share of the window kept for status checks while sending is also waiting (default 0.2). */
  pollShare?: number;
  windowMs?: number;
}

export class RequestLimiter implements SharedRequestLimit {
  readonly capacity: number;
  /** Requests per window status checks may always have, even while sending wants the rest. */
  readonly pollReserve: number;
  private readonly windowMs: number;
  private times: number[] = [];
  private kinds: RequestKind[] = [];
  private head = 0;
  private readonly inWindow: Record<RequestKind, number> = { send: 0, poll: 0 };
  private readonly lastAsked: Record<RequestKind, number> = { send: -Infinity, poll: -Infinity };

  constructor(options: RequestLimiterOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? MESSENTE_REQUESTS_PER_SECOND));
    this.windowMs = options.windowMs ?? WINDOW_MS;
    const share = options.pollShare ?? 0.2;
    this.pollReserve =
      this.capacity === 1 ? 1 : Math.min(this.capacity - 1, Math.max(1, Math.floor(this.capacity * share)));
  }

  /** Milliseconds before one request of `kind` may start at `now` (0 = now). Asking marks demand. */
  delayFor(kind: RequestKind, now: number): number {
    this.prune(now);
    this.lastAsked[kind] = now;
    const limit = this.limitFor(kind, now);
    let total = this.times.length - this.head;
    let mine = this.inWindow[kind];
    if (total < this.capacity && mine < limit) return 0;
    // Wait until enough of the oldest starts have left the window.
    for (let i = this.head; i < this.times.length; i++) {
      total -= 1;
      if (this.kinds[i] === kind) mine -= 1;
      if (total < this.capacity && mine < limit) return Math.max(0, this.times[i]! + this.windowMs - now);
    }
    return 0;
  }

  record(kind: RequestKind, now: number): void {
    this.prune(now);
    this.times.push(now);
    this.kinds.push(kind);
    this.inWindow[kind] += 1;
  }

  /** The last `requests` starts of `kind` really began at `at` (the sender stamps after its commit). */
  restamp(kind: RequestKind, requests: number, at: number): void {
    let left = requests;
    for (let i = this.times.length - 1; i >= this.head && left > 0; i--) {
      if (this.kinds[i] !== kind) continue;
      this.times[i] = Math.max(this.times[i]!, at);
      left -= 1;
    }
  }

  /** Requests of each kind started in the window ending at `now`. */
  usage(now: number): Record<RequestKind, number> {
    this.prune(now);
    return { ...this.inWindow };
  }

  private limitFor(kind: RequestKind, now: number): number {
    const other: RequestKind = kind === 'send' ? 'poll' : 'send';
    const otherWaiting = this.lastAsked[other] > now - this.windowMs;
    if (!otherWaiting) return this.capacity;
    return kind === 'poll' ? this.pollReserve : this.capacity - this.pollReserve;
  }

  private prune(now: number): void {
    // Restamped entries may be later than ones after them, so prune by the oldest remaining only.
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) {
      this.inWindow[this.kinds[this.head]!] -= 1;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.kinds = this.kinds.slice(this.head);
      this.head = 0;
    }
  }
}
