// Delivery statuses: the poller's schedule (which accepted rows to ask about, when) and the record
// of every status change. A change is written with the row's new latest status in one transaction.
import type { Db } from '../database';
import { BILLED_DIFFERS } from './messages';

/** What the poller needs of a row to ask about it and to decide its next check. */
export interface StatusRow {
  id: number;
  campaignId: number;
  omnimessageId: string;
  sentAt: string | null;
}

/** One answer about one row, already read into our terms. */
export type StatusObservation =
  | {
      kind: 'status';
      status: string;
      statusAt: string | null;
      err: number | null;
      error: string | null;
      partPrice: string | null;
      partsCount: number | null;
      totalPrice: string | null;
      /** Sum of every channel's total_price, in micro-euros; null when no price was given. */
      billedMicros: number | null;
      deliveredAt: string | null;
    }
  | { kind: 'pending' }
  | { kind: 'not-found'; status: string; error: string }
  | { kind: 'error' };

export interface StatusWrite {
  messageId: number;
  checkedAt: string;
  observation: StatusObservation;
  /** The next check, or null when polling this row is over. */
  nextCheckAt: string | null;
}

export interface DeliveryStatusRecord {
  id: number;
  message_id: number;
  checked_at: string;
  status: string;
  status_at: string | null;
  err: number | null;
  error: string | null;
  part_price: string | null;
  parts_count: number | null;
  total_price: string | null;
  total_price_micros: number | null;
}

const ROW_COLUMNS = `id, campaign_id AS campaignId, omnimessage_id AS omnimessageId, sent_at AS sentAt`;

/**
 * Gives newly accepted rows their first check (sent_at + `firstOffsetSeconds`). Rows that cannot be
 * asked about (no omnimessage id: marked sent by the operator) are closed at once.
 */
export function scheduleAccepted(db: Db, firstOffsetSeconds: number, nowIso: string): number {
  return db.transaction(() => {
    db.prepare(
      `UPDATE messages SET status_poll_done = 1
       WHERE state = 'accepted' AND next_status_check_at IS NULL AND status_poll_done = 0 AND omnimessage_id IS NULL`,
    ).run();
    return db
      .prepare(
        `UPDATE messages SET next_status_check_at =
           strftime('%Y-%m-%dT%H:%M:%fZ', COALESCE(sent_at, ?), '+' || ? || ' seconds')
         WHERE state = 'accepted' AND next_status_check_at IS NULL AND status_poll_done = 0`,
      )
      .run(nowIso, firstOffsetSeconds).changes;
  })();
}

/** Rows whose check is due at `nowIso`, earliest first. */
export function dueStatusRows(db: Db, nowIso: string, limit: number): StatusRow[] {
  return db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM messages
       WHERE next_status_check_at IS NOT NULL AND next_status_check_at <= ?
       ORDER BY next_status_check_at, id LIMIT ?`,
    )
    .all(nowIso, limit) as StatusRow[];
}

/** When the next scheduled check is due (ISO), or null when nothing is scheduled. */
export function nextStatusCheckAt(db: Db): string | null {
  const row = db
    .prepare('SELECT MIN(next_status_check_at) AS at FROM messages WHERE next_status_check_at IS NOT NULL')
    .get() as { at: string | null };
  return row.at;
}

/** A page of a campaign's accepted rows whose status may still change (on-demand refresh), by id. */
// Accepted rows Messente still has a delivery status to tell about (neither final nor unknown to it).
const REFRESHABLE = (finalStatuses: readonly string[]) =>
  `campaign_id = ? AND state = 'accepted' AND omnimessage_id IS NOT NULL
   AND (delivery_status IS NULL OR delivery_status NOT IN (${finalStatuses.map(() => '?').join(', ')}))`;

export function refreshableStatusRows(
  db: Db,
  campaignId: number,
  finalStatuses: readonly string[],
  afterId: number,
  limit: number,
): StatusRow[] {
  return db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM messages WHERE ${REFRESHABLE(finalStatuses)} AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(campaignId, ...finalStatuses, afterId, limit) as StatusRow[];
}

export function countRefreshableRows(db: Db, campaignId: number, finalStatuses: readonly string[]): number {
  const row = db
    .prepare(`SELECT COUNT(*) AS n FROM messages WHERE ${REFRESHABLE(finalStatuses)}`)
    .get(campaignId, ...finalStatuses) as { n: number };
  return row.n;
}

export type StatusStore = ReturnType<typeof createStatusStore>;

/** Prepared once per poller. `write` applies many answers in one transaction (one commit). */
export function createStatusStore(db: Db) {
  const current = db.prepare(
    'SELECT delivery_status AS status, delivery_err AS err, billed_micros AS billed FROM messages WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO delivery_statuses (message_id, checked_at, status, status_at, err, error, part_price, parts_count,
       total_price, total_price_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE messages SET delivery_status = ?, delivery_err = ?, delivery_error = ?,
       delivered_at = COALESCE(?, delivered_at), billed_micros = COALESCE(?, billed_micros) WHERE id = ?`,
  );
  // status_checked_at moves on every answer Messente gave, "no status yet" and unchanged ones too
  // (those leave no history), but not on a failed request: nothing was learnt then.
  const schedule = db.prepare(
    `UPDATE messages SET status_checks = status_checks + 1, next_status_check_at = ?,
       status_poll_done = CASE WHEN ? IS NULL THEN 1 ELSE 0 END,
       status_checked_at = COALESCE(?, status_checked_at) WHERE id = ?`,
  );

  /** Writes the answer; returns true when it was a change of status (or of price) that was recorded. */
  const apply = (w: StatusWrite): boolean => {
    const o = w.observation;
    const answeredAt = o.kind === 'error' ? null : w.checkedAt;
    schedule.run(w.nextCheckAt, w.nextCheckAt, answeredAt, w.messageId);
    if (o.kind === 'pending' || o.kind === 'error') return false;
    const was = current.get(w.messageId) as
      { status: string | null; err: number | null; billed: number | null } | undefined;
    if (!was) return false;
    if (o.kind === 'not-found') {
      if (was.status === o.status) return false;
      insert.run(w.messageId, w.checkedAt, o.status, null, null, o.error, null, null, null, null);
      update.run(o.status, null, o.error, null, null, w.messageId);
      return true;
    }
    if (
      was.status === o.status &&
      was.err === o.err &&
      (o.billedMicros === null || was.billed === o.billedMicros)
    ) {
      return false;
    }
    insert.run(
      w.messageId,
      w.checkedAt,
      o.status,
      o.statusAt,
      o.err,
      o.error,
      o.partPrice,
      o.partsCount,
      o.totalPrice,
      o.billedMicros,
    );
    // Delivered without a timestamp from Messente: the time we learnt it is the best we know.
    const deliveredAt = o.deliveredAt ?? (o.status === 'DELIVRD' ? w.checkedAt : null);
    update.run(o.status, o.err, o.error, deliveredAt, o.billedMicros, w.messageId);
    return true;
  };

  const write = db.transaction((writes: readonly StatusWrite[]) => {
    let changed = 0;
    for (const w of writes) if (apply(w)) changed += 1;
    return changed;
  });

  return { write };
}

/** Every status recorded for one row of a campaign (by row number), oldest first. */
export function statusHistory(db: Db, campaignId: number, row: number): DeliveryStatusRecord[] {
  return db
    .prepare(
      `SELECT d.* FROM delivery_statuses d JOIN messages m ON m.id = d.message_id
       WHERE m.campaign_id = ? AND m.row = ? ORDER BY d.id`,
    )
    .all(campaignId, row) as DeliveryStatusRecord[];
}

/** Accepted rows counted by latest delivery status; rows without one yet count as PENDING. */
export function deliveryCounts(db: Db, campaignId: number): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT COALESCE(delivery_status, 'PENDING') AS status, COUNT(*) AS n FROM messages
       WHERE campaign_id = ? AND state = 'accepted' GROUP BY 1 ORDER BY 2 DESC, 1`,
    )
    .all(campaignId) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export interface BilledComparison {
  /** Predicted cost (top and bottom of the range) of the rows that have a billed price, so both sides cover the same rows. */
  predictedMicros: number;
  predictedMinMicros: number;
  billedMicros: number;
  billedRows: number;
  /** Rows billed outside their predicted range (BILLED_DIFFERS), those without a prediction included. */
  differingRows: number;
  /** Billed rows that had no predicted price (their country had none when the campaign was made). */
  unpricedRows: number;
}

export function compareBilled(db: Db, campaignId: number): BilledComparison {
  const r = db
    .prepare(
      `SELECT COALESCE(SUM(cost_max_micros), 0) AS predicted,
              COALESCE(SUM(COALESCE(cost_min_micros, cost_max_micros)), 0) AS predictedMin,
              COALESCE(SUM(billed_micros), 0) AS billed, COUNT(*) AS rows,
              SUM(${BILLED_DIFFERS}) AS differing, SUM(cost_max_micros IS NULL) AS unpriced
       FROM messages WHERE campaign_id = ? AND billed_micros IS NOT NULL`,
    )
    .get(campaignId) as {
    predicted: number;
    predictedMin: number;
    billed: number;
    rows: number;
    differing: number | null;
    unpriced: number | null;
  };
  return {
    predictedMicros: r.predicted,
    predictedMinMicros: r.predictedMin,
    billedMicros: r.billed,
    billedRows: r.rows,
    differingRows: r.differing ?? 0,
    unpricedRows: r.unpriced ?? 0,
  };
}

export interface BilledDifference {
  row: number;
  to: string | null;
  /** The row's predicted range; both null when its country had no price. */
  predictedMinMicros: number | null;
  predictedMicros: number | null;
  billedMicros: number;
}

/** The first `limit` rows billed outside their predicted range, by row number. */
export function billedDifferences(db: Db, campaignId: number, limit: number): BilledDifference[] {
  return db
    .prepare(
      `SELECT row, recipient AS "to", COALESCE(cost_min_micros, cost_max_micros) AS predictedMinMicros,
              cost_max_micros AS predictedMicros, billed_micros AS billedMicros FROM messages
       WHERE campaign_id = ? AND ${BILLED_DIFFERS} ORDER BY row LIMIT ?`,
    )
    .all(campaignId, limit) as BilledDifference[];
}
