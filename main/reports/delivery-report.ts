import { csvLine } from '../../shared/import';
import type { MessageRow } from '../../shared/types';
import type { Db } from '../db/database';
import { getCampaign } from '../db/queries/campaigns';
import { iterateMessages, type MessageFilter } from '../db/queries/messages';
import { UserError } from '../handlers/dispatch';
import type { ExportSource } from '../platform';

/** Omnicast's columns, after the file's own columns, in the order operators and accountants read them. */
export const REPORT_COLUMNS = [
  'omnicast_row',
  'to',
  'status',
  'delivery_status',
  'delivery_error',
  'sent_at',
  'delivered_at',
  'omnimessage_id',
  'message_id',
  'text',
  'encoding',
  'segments',
  'predicted_cost',
  'billed_cost',
  'error_code',
  'error_title',
  'error_detail',
  'error_source',
  'attempts',
] as const;

/** Delivery statuses that mean the message did not reach the handset. */
export const FAILED_DELIVERY_STATUSES = ['UNDELIV', 'FAILED', 'REJECTD', 'EXPIRED', 'NACK'] as const;

export const FAILED_ONLY: MessageFilter = {
  states: ['failed', 'unknown'],
  orDeliveryStatuses: FAILED_DELIVERY_STATUSES,
};

/** 1 234 567 micros → "1.234567"; at least two decimals, no float rounding. */
export function microsToDecimal(micros: number | null): string {
  if (micros === null) return '';
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(Math.round(micros));
  const whole = Math.floor(abs / 1_000_000);
  const fraction = String(abs % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${sign}${whole}.${fraction}`;
}

function reportValues(m: MessageRow): string[] {
  return [
    ...m.fields,
    String(m.row),
    m.to ?? '',
    m.state,
    m.deliveryStatus ?? '',
    m.deliveryError ?? '',
    m.sentAt ?? '',
    m.deliveredAt ?? '',
    m.omnimessageId ?? '',
    m.messageId ?? '',
    m.text,
    m.encoding,
    String(m.segments),
    microsToDecimal(m.predictedCostMicros),
    microsToDecimal(m.billedCostMicros),
    m.errorCode ?? '',
    m.errorTitle ?? '',
    m.errorDetail ?? m.skipReason ?? '',
    m.errorSource ?? '',
    String(m.attempts),
  ];
}

/**
 * The delivery report of one campaign as a stream of CSV lines: one row per recipient, UTF-8 with
 * a BOM so that Excel opens it, memory bounded whatever the campaign's size.
 */
export function deliveryReport(db: Db, campaignId: number, failedOnly: boolean): ExportSource {
  const campaign = getCampaign(db, campaignId);
  if (!campaign) throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
  const safeName = campaign.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'campaign';
  return {
    suggestedName: `${safeName} - ${failedOnly ? 'failed rows' : 'delivery report'}.csv`,
    async write(sink) {
      await sink('\uFEFF' + csvLine([...campaign.columns, ...REPORT_COLUMNS]));
      let rows = 0;
      let buffer = '';
      for (const message of iterateMessages(db, campaignId, failedOnly ? FAILED_ONLY : undefined)) {
        buffer += csvLine(reportValues(message));
        rows += 1;
        // Hand over ~64 KB at a time: few awaits, bounded memory.
        if (buffer.length > 65_536) {
          await sink(buffer);
          buffer = '';
        }
      }
      if (buffer) await sink(buffer);
      return rows;
    },
  };
}
