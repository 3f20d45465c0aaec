// Rows whose scheduled message may be cancelled at Messente, and what became of each request.
import type { ScheduleCancelCounts, ScheduleCancelOutcome } from '../../../shared/types';
import type { Db } from '../database';

export type { ScheduleCancelOutcome };

export interface ScheduledRow {
  id: number;
  row: number;
  omnimessageId: string;
  /** The row's own delivery time, when it has one (UTC ISO-8601). */
  sendAt: string | null;
}

/** Accepted rows of the campaign with an omnimessage id, not yet asked to be cancelled. */
export function scheduledRows(db: Db, campaignId: number): ScheduledRow[] {
  return db
    .prepare(
      `SELECT id, row, omnimessage_id AS omnimessageId, send_at AS sendAt FROM messages
       WHERE campaign_id = ? AND state = 'accepted' AND omnimessage_id IS NOT NULL AND schedule_cancel IS NULL
       ORDER BY row`,
    )
    .all(campaignId) as ScheduledRow[];
}

/**
 * Records the answers. A cancelled message becomes `then`: `cancelled` (the campaign was
 * cancelled) or `queued` (paused: resuming sends it again). The others stay accepted, marked.
 */
export function recordScheduleCancels(
  db: Db,
  answers: readonly { messageId: number; outcome: ScheduleCancelOutcome }[],
  then: 'cancelled' | 'queued',
): void {
  const cancelled = db.prepare(
    `UPDATE messages SET state = ?, schedule_cancel = 'cancelled' WHERE id = ? AND state = 'accepted'`,
  );
  const other = db.prepare(`UPDATE messages SET schedule_cancel = ? WHERE id = ? AND state = 'accepted'`);
  db.transaction(() => {
    for (const a of answers) {
      if (a.outcome === 'cancelled') cancelled.run(then, a.messageId);
      else other.run(a.outcome, a.messageId);
    }
  })();
}

/** Counts of the rows asked; null when none was. */
export function scheduleCancelCounts(db: Db, campaignId: number): ScheduleCancelCounts | null {
  const rows = db
    .prepare(
      `SELECT schedule_cancel AS outcome, COUNT(*) AS n FROM messages
       WHERE campaign_id = ? AND schedule_cancel IS NOT NULL GROUP BY schedule_cancel`,
    )
    .all(campaignId) as { outcome: ScheduleCancelOutcome; n: number }[];
  if (rows.length === 0) return null;
  const n = (o: ScheduleCancelOutcome) => rows.find((r) => r.outcome === o)?.n ?? 0;
  return { cancelled: n('cancelled'), alreadySent: n('already-sent'), unknown: n('unknown') };
}
