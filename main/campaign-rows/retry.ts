// "Retry failed": a new draft campaign made of the rows of a sent campaign that did not reach their
// recipient, chosen by kind. The draft keeps the original's columns, template, sender, autoconvert,
// country and test mode, and each row keeps the text it was (to be) sent with.
//
// Row numbers are KEPT, not renumbered: "row 57" in the retry is row 57 of the original file and of
// the original campaign's report, so the operator can trace every row back. Rows whose number has
// been opted out since are carried over as `skipped` (never sent), so nothing disappears silently.
import type { Db } from '../db/database';
import { getCampaign, getPhoneColumnIndex, insertCampaign } from '../db/queries/campaigns';
import { UserError } from '../errors';
import { NOT_FOUND_STATUS } from '../delivery-status/schedule';

export type RetryKind = 'failed' | 'undelivered' | 'unknown';

export const RETRY_KINDS: readonly RetryKind[] = ['failed', 'undelivered', 'unknown'];

/** Delivery statuses after which the message is known not to have reached the handset. */
export const UNDELIVERED_STATUSES: readonly string[] = ['UNDELIV', 'FAILED', 'REJECTD', 'EXPIRED', 'NACK'];

/** The SQL condition selecting rows of each kind (placeholders are filled with `params`). */
function condition(kinds: readonly RetryKind[]): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  // Messente refused it: nothing was sent.
  if (kinds.includes('failed')) parts.push("state = 'failed'");
  // Accepted, but the operator reported a final failure.
  if (kinds.includes('undelivered')) {
    parts.push(
      `(state = 'accepted' AND delivery_status IN (${UNDELIVERED_STATUSES.map(() => '?').join(', ')}))`,
    );
    params.push(...UNDELIVERED_STATUSES);
  }
  // Maybe sent, maybe not: the request's outcome is unknown, or Messente has no record of it (404).
  if (kinds.includes('unknown')) {
    parts.push("(state = 'unknown' OR (state = 'accepted' AND delivery_status = ?))");
    params.push(NOT_FOUND_STATUS);
  }
  return { sql: parts.join(' OR '), params };
}

/** Rows of each kind a retry of the campaign would take (for the dialog's check boxes). */
export function retryCounts(db: Db, campaignId: number): Record<RetryKind, number> {
  const count = (kind: RetryKind) => {
    const { sql, params } = condition([kind]);
    return (
      db
        .prepare(`SELECT COUNT(*) AS n FROM messages WHERE campaign_id = ? AND (${sql})`)
        .get(campaignId, ...params) as {
        n: number;
      }
    ).n;
  };
  return { failed: count('failed'), undelivered: count('undelivered'), unknown: count('unknown') };
}

/** Creates the draft and returns its id; refuses when no row is of the chosen kinds. */
export function createRetryCampaign(db: Db, campaignId: number, kinds: readonly RetryKind[]): number {
  const original = getCampaign(db, campaignId);
  if (!original) throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
  const chosen = RETRY_KINDS.filter((k) => kinds.includes(k));
  if (chosen.length === 0) throw new UserError('Choose which rows to retry: failed, undelivered or unknown.');
  if (['draft', 'sending'].includes(original.status)) {
    throw new UserError(
      `Campaign "${original.name}" is ${original.status}: retry its rows once sending has stopped.`,
    );
  }
  const { sql, params } = condition(chosen);
  return db.transaction(() => {
    const id = insertCampaign(db, {
      name: `${original.name} (retry: ${chosen.join(', ')})`,
      testMode: original.testMode,
      template: original.template,
      sender: original.sender,
      autoconvert: original.autoconvert,
      country: original.country,
      columns: original.columns,
      phoneColumn: getPhoneColumnIndex(db, campaignId) ?? 0,
      sourceFile: original.sourceFile,
      headerRow: original.headerRow,
      rate: original.rate,
    });
    const copied = db
      .prepare(
        `INSERT INTO messages (campaign_id, row, fields, raw_phone, recipient, state, skip_reason, text, encoding,
           segments, cost_min_micros, cost_max_micros)
         SELECT ?, m.row, m.fields, m.raw_phone, m.recipient,
           CASE WHEN o.phone IS NULL THEN 'queued' ELSE 'skipped' END,
           CASE WHEN o.phone IS NULL THEN NULL ELSE 'Opted out' END,
           m.text, m.encoding, m.segments, m.cost_min_micros, m.cost_max_micros
         FROM messages m LEFT JOIN opt_outs o ON o.phone = m.recipient
         WHERE m.campaign_id = ? AND m.recipient IS NOT NULL AND (${sql.replace(/\b(state|delivery_status)\b/g, 'm.$1')})
         ORDER BY m.row`,
      )
      .run(id, campaignId, ...params).changes;
    if (copied === 0)
      throw new UserError(`Campaign "${original.name}" has no ${chosen.join(' or ')} rows to retry.`);
    return id;
  })();
}
