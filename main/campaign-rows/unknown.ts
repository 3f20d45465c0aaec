// The operator's decision about rows whose outcome is `unknown` (the request may or may not have
// reached Messente): they checked and it arrived ("sent"), or they choose to send it again
// ("again"), knowing the recipient may then get it twice. Nothing else ever sends such a row.
// Shared by the app (campaigns.markUnknown) and `omnicast unknown`.
import type { CampaignDetail } from '../../shared/types';
import type { Db } from '../db/database';
import { UserError } from '../errors';

export type UnknownDecision = 'sent' | 'again';

/** The campaign's unknown rows (MessageRow.row: data rows, as markUnknownRows takes them), in order. */
export function unknownRowNumbers(db: Db, campaignId: number): number[] {
  return db
    .prepare("SELECT row FROM messages WHERE campaign_id = ? AND state = 'unknown' ORDER BY row")
    .pluck()
    .all(campaignId) as number[];
}

/**
 * The rows a decision applies to: `rows`, or every unknown row when null. Refused in one sentence
 * when there is nothing to decide, or when a cancelled campaign could never send them again.
 */
export function rowsToDecide(
  db: Db,
  campaign: CampaignDetail,
  rows: readonly number[] | null,
  decision: UnknownDecision,
): readonly number[] {
  if (decision === 'again' && campaign.status === 'cancelled') {
    throw new UserError(
      `Campaign ${campaign.id} was cancelled, so it sends nothing more. To send its unknown rows again, make a new campaign of them (Retry in the app).`,
      'campaign_cancelled',
    );
  }
  const chosen = rows ?? unknownRowNumbers(db, campaign.id);
  if (chosen.length === 0) {
    throw new UserError(`Campaign ${campaign.id} has no rows whose outcome is unknown.`, 'nothing_unknown');
  }
  return chosen;
}

/**
 * What was done, in the operator's words; rows that were not unknown are said to be left alone.
 * `sendingNow`: the campaign is being sent, so rows queued again go out in this run.
 */
export function decisionText(
  decision: UnknownDecision,
  asked: number,
  changed: number,
  sendingNow = false,
): string {
  const when = sendingNow ? 'with the rest of the campaign' : 'when the campaign is resumed';
  const done =
    decision === 'sent'
      ? `${changed} row(s) marked as sent: they count as accepted and are never sent again.`
      : `${changed} row(s) queued to send again: they go out ${when}.`;
  const left = asked - changed;
  return left > 0 ? `${done} ${left} row(s) were not unknown and were left as they are.` : done;
}
