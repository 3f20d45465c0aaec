// The one way the product writes money: euros with the currency sign, thousands separated and
// cents, as the operator's bank and invoices do. Per-segment prices are the exception where
// sub-cent precision is the point (Messente prices at €0.0635): they keep up to four decimals.
// Spreadsheet exports write plain decimal numbers instead, never these strings.
import type { Micros } from './types';

const LOCALE = 'en-GB';
const amount = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const price = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** An amount (a campaign's cost, a balance, a cap): "€4,585.82", "€0.10"; null → "unknown". */
export function formatMoney(micros: Micros | null): string {
  return micros === null ? 'unknown' : amount.format(micros / 1_000_000);
}

/** A price per segment or per message, in its real precision: "€0.0635", "€0.06"; null → "unknown". */
export function formatPrice(micros: Micros | null): string {
  return micros === null ? 'unknown' : price.format(micros / 1_000_000);
}

/** A predicted range, "€87.86–€94.95", or one figure when both ends agree at the precision shown. */
export function formatMoneyRange(
  minMicros: Micros | null,
  maxMicros: Micros | null,
  format: (micros: Micros | null) => string = formatMoney,
): string {
  if (minMicros === null || maxMicros === null) return format(maxMicros ?? minMicros);
  const low = format(minMicros);
  const high = format(maxMicros);
  return low === high ? high : `${low}–${high}`;
}
