// Which rows go next: retries whose back-off has passed first, then queued rows in row order, read
// from the database a few hundred at a time behind a cursor.
import type { Db } from '../db/database';
import { nextQueuedRows, type SendableRow } from '../db/queries/sending';

export interface Pending {
  row: SendableRow;
  /** `retry` outcomes this row has had in this run. */
  tries: number;
  due: number;
}

const BUFFER_ROWS = 256;

export class RowQueue {
  private buffer: SendableRow[] = [];
  private bufferPos = 0;
  private cursor = 0;
  private retries: Pending[] = [];

  constructor(
    private readonly db: Db,
    private readonly campaignId: number,
    /** Wall-clock ms: rows held for Messente's scheduling window are read once it reaches them. */
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** The next request's rows (at most `limit`), without taking them. */
  peek(now: number, limit: number): Pending[] {
    const out: Pending[] = [];
    for (const r of this.retries) {
      if (out.length >= limit) return out;
      if (r.due <= now) out.push(r);
    }
    if (this.bufferPos >= this.buffer.length) this.refill(this.cursor);
    for (let i = this.bufferPos; i < this.buffer.length && out.length < limit; i++) {
      out.push({ row: this.buffer[i]!, tries: 0, due: 0 });
    }
    return out;
  }

  /** Removes what peek() returned (the same array, or its leading part). */
  take(batch: readonly Pending[]): void {
    const fromRetries = new Set(batch.filter((p) => p.tries > 0));
    if (fromRetries.size > 0) this.retries = this.retries.filter((r) => !fromRetries.has(r));
    this.bufferPos += batch.length - fromRetries.size;
  }

  retry(p: Pending): void {
    this.retries.push(p);
  }

  hasRetries(): boolean {
    return this.retries.length > 0;
  }

  nextRetryDue(): number {
    return Math.min(...this.retries.map((r) => r.due));
  }

  /** Pausing: the rows waiting for a retry are `queued` in the database and will be read again. */
  clearRetries(): void {
    this.retries = [];
  }

  /**
   * Reads again from the first row: rows queued behind the cursor (by the operator) are found.
   * Only when nothing waits for a retry, or those rows would be read twice.
   */
  rescan(): boolean {
    return this.retries.length === 0 && this.refill(0);
  }

  private refill(afterRow: number): boolean {
    const now = new Date(this.wallClock()).toISOString();
    this.buffer = nextQueuedRows(this.db, this.campaignId, afterRow, BUFFER_ROWS, now);
    this.bufferPos = 0;
    const last = this.buffer.at(-1);
    if (last) this.cursor = last.row;
    return this.buffer.length > 0;
  }
}
