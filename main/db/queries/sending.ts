// The sending engine's reads and its writes around a run: the queued rows, the counts, recovery
// after a crash, a run's end and the operator's decisions on its rows. The writes of every
// request, claim and result, are in sending-store.ts.
import type { CampaignStatus, MessageState, StateCounts } from '../../../shared/types';
import { emptyCounts } from './campaign-totals';
import { setCampaignStatus } from './campaigns';
import type { Db } from '../database';
import type { RowError } from './sending-store';

export interface SendableRow {
  id: number;
  row: number;
  to: string;
  text: string;
  costMaxMicros: number | null;
  /** The row's own delivery time (UTC ISO-8601); null = the campaign's, or on submission. */
  sendAt: string | null;
}

/**
 * Queued rows after `afterRow`, in row order. A row held in Omnicast until its delivery time enters
 * Messente's scheduling window is left out until `now` (UTC ISO-8601) reaches its hold_until.
 */
export function nextQueuedRows(
  db: Db,
  campaignId: number,
  afterRow: number,
  limit: number,
  now: string = new Date().toISOString(),
): SendableRow[] {
  return db
    .prepare(
      `SELECT id, row, recipient AS "to", text, cost_max_micros AS costMaxMicros, send_at AS sendAt
       FROM messages WHERE campaign_id = ? AND state = 'queued' AND row > ?
         AND (hold_until IS NULL OR hold_until <= ?) ORDER BY row LIMIT ?`,
    )
    .all(campaignId, afterRow, now, limit) as SendableRow[];
}

/** When the next row held for Messente's scheduling window may be submitted (UTC ISO); null: none held. */
export function nextHoldRelease(db: Db, campaignId: number): string | null {
  const row = db
    .prepare(
      `SELECT MIN(hold_until) AS at FROM messages
       WHERE campaign_id = ? AND state = 'queued' AND hold_until IS NOT NULL`,
    )
    .get(campaignId) as { at: string | null };
  return row.at;
}

/** Queued rows whose own delivery time passed before they could be submitted, skipped with why. */
export function skipPassedRows(db: Db, messageIds: readonly number[], reason: string): number {
  const skip = db.prepare(
    "UPDATE messages SET state = 'skipped', skip_reason = ?, time_problem = 'past' WHERE id = ? AND state = 'queued'",
  );
  return db.transaction(() => messageIds.reduce((n, id) => n + skip.run(reason, id).changes, 0))();
}

export interface CampaignTally {
  counts: StateCounts;
  total: number;
  /** Predicted cost of rows that were (or may have been) sent: accepted, sending, unknown. */
  committedMicros: number;
  errors: { code: string; title: string | null; count: number }[];
}

export function tallyCampaign(db: Db, campaignId: number): CampaignTally {
  const counts = emptyCounts();
  let total = 0;
  let committedMicros = 0;
  const rows = db
    .prepare(
      'SELECT state, COUNT(*) AS n, SUM(cost_max_micros) AS cost FROM messages WHERE campaign_id = ? GROUP BY state',
    )
    .all(campaignId) as { state: MessageState; n: number; cost: number | null }[];
  for (const r of rows) {
    counts[r.state] = r.n;
    total += r.n;
    if (r.state === 'accepted' || r.state === 'sending' || r.state === 'unknown')
      committedMicros += r.cost ?? 0;
  }
  const errors = db
    .prepare(
      `SELECT error_code AS code, MAX(error_title) AS title, COUNT(*) AS count FROM messages
       WHERE campaign_id = ? AND state IN ('failed', 'unknown') GROUP BY error_code ORDER BY count DESC`,
    )
    .all(campaignId) as { code: string | null; title: string | null; count: number }[];
  return {
    counts,
    total,
    committedMicros,
    errors: errors.map((e) => ({ code: e.code ?? 'unknown', title: e.title, count: e.count })),
  };
}

/**
 * After a crash: campaigns left `sending` become `interrupted`, and their rows left `sending`
 * become `unknown` (the request may have reached Messente), their open attempts `interrupted`.
 * With a campaign id, only that campaign is recovered (the CLI resuming one campaign).
 */
export function recoverInterruptedRows(db: Db, at: string, campaignId?: number): number[] {
  return db.transaction(() => {
    const only = campaignId === undefined ? '' : ' AND id = ?';
    const args = campaignId === undefined ? [] : [campaignId];
    const ids = (
      db.prepare(`SELECT id FROM campaigns WHERE status = 'sending'${only} ORDER BY id`).all(...args) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const rowScope = campaignId === undefined ? '' : ' AND campaign_id = ?';
    db.prepare(
      `UPDATE send_attempts SET finished_at = ?, outcome = 'interrupted' WHERE outcome IS NULL AND message_id IN
         (SELECT id FROM messages WHERE state = 'sending'${rowScope})`,
    ).run(at, ...args);
    db.prepare(
      `UPDATE messages SET state = 'unknown', error_code = 'interrupted', error_title = 'Interrupted while sending',
         error_detail = 'Omnicast stopped while this message was on its way.', error_source = NULL
       WHERE state = 'sending'${rowScope}`,
    ).run(...args);
    db.prepare(`UPDATE campaigns SET status = 'interrupted' WHERE status = 'sending'${only}`).run(...args);
    return ids;
  })();
}

export function cancelQueuedRows(db: Db, campaignId: number): number {
  return db
    .prepare("UPDATE messages SET state = 'cancelled' WHERE campaign_id = ? AND state = 'queued'")
    .run(campaignId).changes;
}

/**
 * The operator's decision about `unknown` rows (by row number): they checked and it was sent
 * (`accepted`), or they choose to send it again (`queued`). A finished campaign with rows queued
 * again becomes `paused` so that it can be resumed.
 */
export function markUnknownRows(
  db: Db,
  campaignId: number,
  rows: readonly number[],
  as: 'accepted' | 'queued',
): number {
  return db.transaction(() => {
    const update =
      as === 'accepted'
        ? db.prepare(
            `UPDATE messages SET state = 'accepted', sent_at = COALESCE(sent_at,
               (SELECT MAX(started_at) FROM send_attempts WHERE message_id = messages.id)),
               error_code = NULL, error_title = NULL, error_detail = NULL, error_source = NULL
             WHERE campaign_id = ? AND row = ? AND state = 'unknown'`,
          )
        : db.prepare(
            `UPDATE messages SET state = 'queued', error_code = NULL, error_title = NULL, error_detail = NULL,
               error_source = NULL, http_status = NULL WHERE campaign_id = ? AND row = ? AND state = 'unknown'`,
          );
    let changed = 0;
    for (const row of rows) changed += update.run(campaignId, row).changes;
    if (as === 'queued' && changed > 0) {
      db.prepare(
        "UPDATE campaigns SET status = 'paused', finished_at = NULL WHERE id = ? AND status = 'completed'",
      ).run(campaignId);
    }
    return changed;
  })();
}

/** A run's end: completed, cancelled (its queued rows with it) or paused (with why, if it stopped itself). */
export function settleCampaign(
  db: Db,
  campaignId: number,
  status: CampaignStatus,
  stopReason: string | null,
): void {
  db.transaction(() => {
    if (status === 'cancelled') cancelQueuedRows(db, campaignId);
    const finished = status === 'cancelled' || status === 'completed';
    setCampaignStatus(db, campaignId, status, { finished, stopReason: finished ? null : stopReason });
  })();
}

/** Omnimessage ids already held by the campaign's rows, each with its row's id. */
export function campaignOmnimessageIds(db: Db, campaignId: number): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT id, omnimessage_id AS oid FROM messages WHERE campaign_id = ? AND omnimessage_id IS NOT NULL',
    )
    .all(campaignId) as { id: number; oid: string }[];
  return new Map(rows.map((r) => [r.oid, r.id]));
}

/** An accepted row whose omnimessage id turned out to be shared: `unknown`, with why. */
export function markAcceptedUnknown(db: Db, messageId: number, error: RowError): number {
  return db
    .prepare(
      `UPDATE messages SET state = 'unknown', error_code = ?, error_title = ?, error_detail = ?, error_source = ?
       WHERE id = ? AND state = 'accepted'`,
    )
    .run(error.code, error.title, error.detail, error.source, messageId).changes;
}

/** Rows failed by a cause no recipient made (a wrong API address…): back to `queued`, unmarked. */
export function requeueFailedRows(db: Db, messageIds: readonly number[]): number {
  const update = db.prepare(
    `UPDATE messages SET state = 'queued', http_status = NULL, error_code = NULL, error_title = NULL,
       error_detail = NULL, error_source = NULL WHERE id = ? AND state = 'failed'`,
  );
  return db.transaction(() => messageIds.reduce((n, id) => n + update.run(id).changes, 0))();
}
