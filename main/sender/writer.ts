// Row results waiting for their commit. While a campaign sends, they ride with the next claims'
// commit (one every claim horizon, see claim-ahead.ts): a commit of their own would cost its
// transaction, its locks and its WAL pages again, several times a second. When claims are further
// apart (a slow pace), they are committed when the sending loop wakes anyway to send (flushIfDue),
// so that waiting for them costs no wake-up of its own; a timer catches the rest when nothing is
// being sent. A crash in that time leaves an answered row `sending`, so `unknown` after recovery:
// never sent twice, only reported conservatively.
import type { Db } from '../db/database';
import { CLAIM_AHEAD_MS } from './claim-ahead';
import type { Claim, RowResult } from '../db/queries/sending-store';

/**
 * How long a result may wait for a commit that happens anyway: longer than the claim horizon, so
 * that while sending at a steady pace the next claims' commit always comes first.
 */
const FLUSH_DELAY_MS = CLAIM_AHEAD_MS + 50;
/**
 * How long it waits at most when nothing else commits or wakes the loop. Later than FLUSH_DELAY_MS
 * by the gap between two sends at 4/s, so that at a slow pace (10/s: a send every 100 ms, claims a
 * second apart) the first send after FLUSH_DELAY_MS commits the results. A timer due with them
 * would fire before that send nearly every time: a wake-up of its own for every third message.
 */
const FLUSH_FALLBACK_MS = FLUSH_DELAY_MS + 250;

/** The writes it needs (createSendingStore in the database, a recording double in tests). */
export interface ResultStore {
  /** One transaction: `results`, then `claims` (each claim's attemptId filled in). */
  commit(results: readonly RowResult[], claims: Claim[], startedAt: string): void;
  release(claims: readonly Claim[]): void;
}

export class ResultWriter {
  private pending: RowResult[] = [];
  private firstPendingAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ResultStore,
    private readonly onError: (error: unknown) => void,
    /** Runs an outcome-only commit with relaxed durability (relaxedSync below). */
    private readonly relaxed: <T>(write: () => T) => T = (write) => write(),
    /** Monotonic milliseconds. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(result: RowResult): void {
    if (this.pending.length === 0) this.firstPendingAt = this.now();
    this.pending.push(result);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch (error) {
        this.onError(error);
      }
    }, FLUSH_FALLBACK_MS);
  }

  /** Commits the waiting results if the oldest has waited FLUSH_DELAY_MS (the loop woke anyway). */
  flushIfDue(): void {
    if (this.pending.length > 0 && this.now() - this.firstPendingAt >= FLUSH_DELAY_MS) this.flush();
  }

  /** Commits the waiting results and then `claims`, in one transaction. */
  commit(claims: Claim[], startedAt: string): void {
    const results = this.pending;
    this.pending = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      this.store.commit(results, claims, startedAt);
    } catch (error) {
      this.pending.unshift(...results);
      throw error;
    }
  }

  /** Commits the waiting results, then undoes `claims` whose requests never left. */
  release(claims: Claim[]): void {
    this.flush();
    if (claims.length > 0) this.store.release(claims);
  }

  /** Commits the waiting results alone: nothing waits for their durability (see `relaxed`). */
  flush(): void {
    if (this.pending.length > 0) this.relaxed(() => this.commit([], ''));
  }
}

/**
 * Outcome-only commits run with synchronous=NORMAL (no fsync): after a power loss such a result may
 * be lost, its row stays `sending` and becomes `unknown`, never sent again. The claims that let a
 * request leave keep the database's FULL durability, and their fsync also covers earlier results.
 */
export function relaxedSync(db: Db): <T>(write: () => T) => T {
  const normal = Number(db.pragma('synchronous', { simple: true }));
  return (write) => {
    if (normal < 2) return write();
    db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      db.pragma(`synchronous = ${normal}`);
    }
  };
}
