// The operator's decision about rows whose outcome is `unknown` (the request may or may not have
// reached Messente): they checked and it arrived ("sent"), or they choose to send it again
// ("again"), knowing the recipient may then get it twice. Nothing else ever sends such a row.
// Shared by the app and `omnicast unknown`: both call campaigns.markUnknown, which lands here.
import type { CampaignDetail } from '../../shared/types';
import type { Db } from '../db/database';
import { getCampaign } from '../db/queries/campaigns';
import { markUnknownRows } from '../db/queries/sending';
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

export interface UnknownDecisionResult {
  /** Rows the decision named (every unknown row when none were named). */
  asked: number;
  changed: number;
}

/**
 * Applies the decision in one write transaction that also re-reads the campaign's status, taken
 * IMMEDIATE so that no other process can start sending the campaign between the check and the
 * update. `sendingHere`: this process is sending the campaign, so its run can take the change in;
 * a campaign marked sending by another process (the app, another `omnicast`) is refused, because
 * that process holds the rows in memory and would not see the change.
 */
export function decideUnknownRows(
  db: Db,
  campaignId: number,
  rows: readonly number[] | null,
  decision: UnknownDecision,
  sendingHere: boolean,
): UnknownDecisionResult {
  return db
    .transaction(() => {
      const campaign = getCampaign(db, campaignId);
      if (!campaign) throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
      if (campaign.status === 'sending' && !sendingHere) {
        // If that process died, resuming turns its in-flight rows into unknown ones first.
        throw new UserError(
          `Campaign ${campaignId} is being sent by another Omnicast right now (the app, or an omnicast command): pause it there first (Pause in the app, or Ctrl-C the omnicast that sends it). If that process was killed, resume the campaign first to recover it (Resume in the app, or omnicast resume ${campaignId}).`,
          'sending_elsewhere',
        );
      }
      const chosen = rowsToDecide(db, campaign, rows, decision);
      const changed = markUnknownRows(db, campaignId, chosen, decision === 'sent' ? 'accepted' : 'queued');
      return { asked: chosen.length, changed };
    })
    .immediate();
}
