import { csvField, csvLine, type ExportDelimiter } from '../../shared/import';
import type { Db } from '../db/database';
import { getCampaignHeading } from '../db/queries/campaigns';
import { iterateMessageValue, iterateMessageValues, type MessageFilter } from '../db/queries/messages';
import { UserError } from '../errors';
import type { ExportSource } from '../platform';
import { localTime } from './local-time';

/**
 * Omnicast's columns, after the file's own columns, in the order operators and accountants read them,
 * each beside the SQL expression that reads it from `messages`: one list, so a column cannot be added
 * to the header without its value, or land in another place.
 * omnicast_row is the row as the source spreadsheet shows it (header included), as in the app's table.
 * schedule_cancel: for a scheduled campaign cancelled or paused, cancelled / already-sent / unknown.
 * send_at: a row delivered at its own time, that time as the recipient's clock shows it, with its
 * UTC offset (2026-03-28T10:00+02:00); empty for rows delivered on submission.
 */
const REPORT_SOURCES = [
  ['omnicast_row', 'row'],
  ['to', 'recipient'],
  ['status', 'state'],
  ['delivery_status', 'delivery_status'],
  ['delivery_error', 'delivery_error'],
  ['sent_at', 'sent_at'],
  ['delivered_at', 'delivered_at'],
  ['status_checked_at', 'status_checked_at'],
  ['omnimessage_id', 'omnimessage_id'],
  ['message_id', 'message_id'],
  ['text', 'text'],
  ['encoding', 'encoding'],
  ['segments', 'segments'],
  ['predicted_cost', 'cost_max_micros'],
  ['billed_cost', 'billed_micros'],
  ['error_code', 'error_code'],
  ['error_title', 'error_title'],
  ['error_detail', 'coalesce(error_detail, skip_reason)'],
  ['error_source', 'error_source'],
  ['attempts', 'attempts'],
  ['schedule_cancel', 'schedule_cancel'],
  // The row's own time and its zone in one value ("…Z Europe/Tallinn"), written as local time.
  ['send_at', "send_at || ' ' || coalesce(time_zone, 'UTC')"],
] as const;

export const REPORT_COLUMNS = REPORT_SOURCES.map(([name]) => name);

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

// The columns the report reads, in REPORT_COLUMNS order, as one JSON array per row whose first
// element is the stored `fields` array: one string and one JSON.parse per row instead of a
// MessageRow object, 21 values crossing from SQLite and a second parse. At a million rows, crossing
// the boundary per value costs more than formatting the CSV. JSON keeps every string exact.
const EXPORT_EXPRESSION = `'[' || fields || ',' || substr(json_array(${REPORT_SOURCES.map(([, sql]) => sql).join(', ')}), 2)`;

const field = (value: unknown): string => (value === null ? '' : csvField(value as string));

/** A row's own delivery time ("…Z Zone") in its zone, with its offset; plain ISO text, no escaping. */
const sendAt = (value: unknown): string => {
  if (value === null) return '';
  const [utc, zone] = (value as string).split(' ');
  return localTime(utc!, zone ?? null);
};

/**
 * microsToDecimal with a one-entry memory: a campaign's prices repeat row after row. Its output
 * is always a plain number to csvField, so it needs no escaping.
 */
function decimalFormatter(): (micros: unknown) => string {
  let lastMicros: unknown = null;
  let lastText = '';
  return (micros) => {
    if (micros !== lastMicros) {
      lastMicros = micros;
      lastText = microsToDecimal(micros as number | null);
    }
    return lastText;
  };
}

/**
 * One CSV line from EXPORT_EXPRESSION's array, byte for byte what csvLine gives for the same values:
 * integers print as String(n) and a negative one is a plain number to csvField; state and encoding
 * are plain words (CHECK constraints), so those go without csvField.
 */
function reportLine(
  json: string,
  headerRow: number,
  predicted: (m: unknown) => string,
  billed: (m: unknown) => string,
  d: ExportDelimiter,
) {
  const r = JSON.parse(json) as unknown[];
  let line = '';
  for (const value of r[0] as string[]) line += csvField(value) + d;
  return (
    line +
    `${(r[1] as number) + headerRow}${d}${field(r[2])}${d}${r[3] as string}${d}${field(r[4])}${d}${field(r[5])}${d}${field(r[6])}${d}` +
    `${field(r[7])}${d}${field(r[8])}${d}${field(r[9])}${d}${field(r[10])}${d}${field(r[11])}${d}${r[12] as string}${d}` +
    `${r[13] as number}${d}${predicted(r[14])}${d}${billed(r[15])}${d}${field(r[16])}${d}${field(r[17])}${d}${field(r[18])}${d}` +
    `${field(r[19])}${d}${r[20] as number}${d}${field(r[21])}${d}${sendAt(r[22])}\r\n`
  );
}

/**
 * The delivery report of one campaign as a stream of CSV lines: one row per recipient, UTF-8 with
 * a BOM so that Excel opens it, memory bounded whatever the campaign's size.
 */
export function deliveryReport(
  db: Db,
  campaignId: number,
  failedOnly: boolean,
  delimiter?: ExportDelimiter,
): ExportSource {
  const campaign = getCampaignHeading(db, campaignId);
  if (!campaign) throw new UserError(`There is no campaign ${campaignId}.`, 'not_found');
  // The imported file's delimiter unless the operator chose another.
  const d = delimiter ?? campaign.delimiter;
  const filter = failedOnly ? FAILED_ONLY : undefined;
  const safeName = campaign.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'campaign';
  return {
    suggestedName: `${safeName} - ${failedOnly ? 'failed rows' : 'delivery report'}.csv`,
    // The same WHERE as the rows below (one aggregate row), so the count matches what is written.
    total: () => {
      const [first] = iterateMessageValues(db, campaignId, ['COUNT(*)'], filter);
      return Number(first?.[0] ?? 0);
    },
    async write(sink) {
      await sink('\uFEFF' + csvLine([...campaign.columns, ...REPORT_COLUMNS], d), 0);
      let rows = 0;
      // Lines are joined once per chunk: one flat string to encode, where appending each line to
      // the last would leave a deep chain of pieces to walk when the chunk is written.
      let lines: string[] = [];
      let length = 0;
      let pending: Promise<void> = Promise.resolve();
      const predicted = decimalFormatter();
      const billed = decimalFormatter();
      for (const json of iterateMessageValue(db, campaignId, EXPORT_EXPRESSION, filter)) {
        const line = reportLine(json as string, campaign.headerRow, predicted, billed, d);
        lines.push(line);
        length += line.length;
        rows += 1;
        // Hand over ~256 KB at a time: few awaits, bounded memory. The sink is called again only
        // once its previous chunk was taken, but the next chunk is built meanwhile, so that a file
        // sink's disk write overlaps the formatting instead of following it (at most two chunks).
        if (length > 262_144) {
          await pending;
          pending = Promise.resolve(sink(lines.join(''), rows));
          // Its failure is raised by the next `await pending`; this only keeps it from being
          // reported as unhandled if building the next chunk throws first.
          pending.catch(() => undefined);
          lines = [];
          length = 0;
        }
      }
      await pending;
      if (lines.length > 0) await sink(lines.join(''), rows);
      return rows;
    },
  };
}
