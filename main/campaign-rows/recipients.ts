import { compileTemplate, previewRow } from '../../shared/sms';
import type { ImportedRecipient } from '../../shared/types';
import type { Db } from '../db/database';
import { getCampaign } from '../db/queries/campaigns';
import { countMessages, insertMessages, type NewMessage } from '../db/queries/messages';
import { UserError } from '../errors';
import type { Pricing } from '../settings/pricing';
import { DEFAULT_PROBLEM_CHOICES } from '../../shared/contract/delivery-plan';
import { planRow } from './row-times';

/**
 * Adds one batch of imported rows to a draft campaign. Main renders, encodes and prices every row
 * itself with the same shared code the preview used, so what is stored is what will be sent. Rows
 * that are not sendable are kept as `skipped` with their reason: nothing is dropped silently.
 */
export function addRecipients(
  db: Db,
  campaignId: number,
  recipients: readonly ImportedRecipient[],
  pricing: Pricing,
): { added: number; total: number } {
  const campaign = getCampaign(db, campaignId);
  if (!campaign) throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
  if (campaign.status !== 'draft') {
    throw new UserError(
      `Campaign "${campaign.name}" has already been started: recipients can no longer be added.`,
    );
  }
  const compiled = compileTemplate(campaign.template, campaign.columns);
  if (!compiled.ok) {
    throw new UserError(`The template has an error: ${compiled.errors.map((e) => e.message).join('; ')}`);
  }
  // The opt-out list is checked again here, whatever the caller's import knew: a number added to
  // the list after the file was read must still never receive this campaign.
  const isOptedOut = db.prepare('SELECT 1 FROM opt_outs WHERE phone = ?').pluck();
  const findSendable = db.prepare(
    "SELECT row FROM messages WHERE campaign_id = ? AND recipient = ? AND state != 'skipped' LIMIT 1",
  );
  // Duplicates are caught here too, across batches: a number is sent at most once per campaign
  // whatever the caller did.
  const seen = new Map<string, number>();
  const plan = campaign.deliveryPlan ?? null;
  const choices = campaign.problemChoices ?? DEFAULT_PROBLEM_CHOICES;
  const now = Date.now();
  const messages: NewMessage[] = recipients.map((r) => {
    if (r.fields.length !== campaign.columns.length) {
      throw new UserError(
        `Row ${r.row} has ${r.fields.length} values but the file has ${campaign.columns.length} columns.`,
      );
    }
    let status = r.status;
    let reason = r.reason;
    if (status === 'ok' && r.to && isOptedOut.get(r.to) !== undefined) {
      status = 'opted_out';
      reason = 'Opted out';
    }
    if (status === 'ok' && r.to) {
      const earlier =
        seen.get(r.to) ?? (findSendable.get(campaignId, r.to) as { row: number } | undefined)?.row;
      if (earlier !== undefined) {
        status = 'duplicate';
        // Named as the spreadsheet shows it, like the import's own duplicates.
        reason = `Same number as row ${earlier + campaign.headerRow}`;
      } else {
        seen.set(r.to, r.row);
      }
    }
    const planned = plan === null ? null : planRow(r, plan, choices, now);
    // A row whose time cannot be scheduled and whose group is skipped is kept with the reason.
    if (status === 'ok' && planned?.skipReason) reason = planned.skipReason;
    const sendable = status === 'ok' && r.to !== null && !planned?.skipReason;
    const preview = previewRow(
      compiled.template,
      r.fields,
      sendable ? r.to : null,
      {
        autoconvert: campaign.autoconvert,
        prices: pricing.prices,
        table: pricing.replacements,
      },
      planned?.context ?? null,
    );
    return {
      row: r.row,
      fields: r.fields,
      rawPhone: r.rawPhone,
      to: r.to,
      state: sendable ? 'queued' : 'skipped',
      skipReason: sendable ? null : (reason ?? statusReason(status)),
      text: preview.text,
      encoding: preview.encoding,
      segments: preview.segments,
      costMinMicros: sendable ? preview.costMinMicros : null,
      costMaxMicros: sendable ? preview.costMaxMicros : null,
      ...(planned ? { time: planned.time } : {}),
    };
  });
  try {
    insertMessages(db, campaignId, messages);
  } catch (error) {
    if (
      error instanceof Error &&
      /UNIQUE constraint failed: messages.campaign_id, messages.row/.test(error.message)
    ) {
      throw new UserError(
        'Some of these rows were already added to this campaign; nothing from this batch was added.',
      );
    }
    throw error;
  }
  return { added: messages.length, total: countMessages(db, campaignId) };
}

function statusReason(status: ImportedRecipient['status']): string {
  switch (status) {
    case 'invalid':
      return 'Invalid phone number';
    case 'duplicate':
      return 'Duplicate number';
    case 'opted_out':
      return 'Opted out';
    case 'ok':
      return 'No phone number';
  }
}
