// The campaign summary both `preview` and `send` print: what the import kept and rejected, and
// what sending will cost. One object for machines (jsonl), one text block for people.
import type { ImportResult } from '../../shared/import';
import { formatMoney } from '../../shared/money';
import type { Totals } from '../../shared/sms';

export interface CampaignSummaryOutput {
  rows: number;
  ok: number;
  invalid: number;
  duplicate: number;
  opted_out: number;
  messages: number;
  segments: number;
  gsm7: number;
  ucs2: number;
  /** EUR; null when no row has a known price. */
  cost_min: number | null;
  cost_max: number | null;
  /** Rows to be sent whose country has no price: their cost is unknown, never counted as zero. */
  unpriced: number;
  segments_saved_by_autoconvert: number;
  cost_saved_by_autoconvert: number;
  rows_with_extra_segment: number;
  rows_with_empty_fields: number;
}

const eur = (micros: number): number => micros / 1_000_000;

export function summaryObject(totals: Totals, counts: ImportResult['counts']): CampaignSummaryOutput {
  const priced = totals.messages - totals.unpricedMessages;
  return {
    rows: counts.total,
    ok: counts.ok,
    invalid: counts.invalid,
    duplicate: counts.duplicate,
    opted_out: counts.opted_out,
    messages: totals.messages,
    segments: totals.segments,
    gsm7: totals.byEncoding['GSM-7'],
    ucs2: totals.byEncoding['UCS-2'],
    cost_min: priced > 0 ? eur(totals.costMinMicros) : null,
    cost_max: priced > 0 ? eur(totals.costMaxMicros) : null,
    unpriced: totals.unpricedMessages,
    segments_saved_by_autoconvert: totals.savedSegments,
    cost_saved_by_autoconvert: eur(totals.savedCostMaxMicros),
    rows_with_extra_segment: totals.extraSegmentRows,
    rows_with_empty_fields: totals.emptyFieldRows,
  };
}

function costText(s: CampaignSummaryOutput): string {
  if (s.cost_max === null) {
    return s.messages === 0 ? formatMoney(0) : 'unknown (no prices: give --prices FILE)';
  }
  const min = formatMoney(Math.round((s.cost_min ?? 0) * 1_000_000));
  const max = formatMoney(Math.round(s.cost_max * 1_000_000));
  const range = min === max ? max : `${min} to ${max}`;
  return s.unpriced > 0 ? `${range}, plus ${s.unpriced} message(s) to countries without a price` : range;
}

export function formatSummary(s: CampaignSummaryOutput): string {
  const lines = [
    '',
    `Rows: ${s.rows} (${s.ok} ready, ${s.invalid} invalid, ${s.duplicate} duplicate, ${s.opted_out} opted out)`,
    `Messages: ${s.messages}, segments: ${s.segments} (GSM-7: ${s.gsm7}, UCS-2 (Unicode): ${s.ucs2})`,
    `Predicted cost: ${costText(s)}`,
  ];
  if (s.segments_saved_by_autoconvert > 0) {
    lines.push(
      `Autoconvert saves ${s.segments_saved_by_autoconvert} segment(s), ${formatMoney(Math.round(s.cost_saved_by_autoconvert * 1_000_000))}`,
    );
  }
  if (s.rows_with_extra_segment > 0) {
    lines.push(`${s.rows_with_extra_segment} row(s) need an extra segment because of their merged values`);
  }
  if (s.rows_with_empty_fields > 0) {
    lines.push(`${s.rows_with_empty_fields} row(s) have an empty merge field without a fallback`);
  }
  return `${lines.join('\n')}\n`;
}
