// Row results waiting for their commit. They wait a few milliseconds so that one commit (one fsync)
// carries many; a claim's commit takes them along earlier. A crash in that time leaves an answered
// row `sending`, so `unknown` after recovery: never sent twice, only reported conservatively.
import type { Db } from '../db/database';
import type { Claim, RowResult, SendingStore } from '../db/queries/sending';

const FLUSH_DELAY_MS = 25;

export class ResultWriter {
  private pending: RowResult[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: SendingStore,
    private readonly onError: (error: unknown) => void,
    /** Runs an outcome-only commit with relaxed durability (relaxedSync below). */
    private readonly relaxed: <T>(write: () => T) => T = (write) => write(),
  ) {}

  add(result: RowResult): void {
    this.pending.push(result);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch (error) {
        this.onError(error);
      }
    }, FLUSH_DELAY_MS);
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
