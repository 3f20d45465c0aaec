// Campaign totals, accumulated row by row so that a million-row preview needs no second pass.
import type { Encoding, Micros } from '../types';
import type { RowPreview } from './preview';

export interface CountryTotals {
  messages: number;
  segments: number;
  /** Null while no message to this country has a price. */
  costMaxMicros: Micros | null;
}

export interface Totals {
  messages: number;
  segments: number;
  /** Sum over priced messages only (0 while none is priced): show it with `unpricedMessages` beside it. */
  costMinMicros: Micros;
  costMaxMicros: Micros;
  /** Messages whose country has no price (or no country): their cost is unknown, never zero. */
  unpricedMessages: number;
  byEncoding: Record<Encoding, number>;
  byCountry: Record<string, CountryTotals>;
  /** What autoconvert saves compared with `off` (priced messages only for the cost). */
  savedSegments: number;
  savedCostMaxMicros: Micros;
  extraSegmentRows: number;
  emptyFieldRows: number;
}

/** Key of `byCountry` for messages whose number matches no calling code. */
export const UNKNOWN_COUNTRY = '??';

export function createTotals(): Totals {
  return {
    messages: 0,
    segments: 0,
    costMinMicros: 0,
    costMaxMicros: 0,
    unpricedMessages: 0,
    byEncoding: { 'GSM-7': 0, 'UCS-2': 0 },
    byCountry: {},
    savedSegments: 0,
    savedCostMaxMicros: 0,
    extraSegmentRows: 0,
    emptyFieldRows: 0,
  };
}

/** Adds one row that will be sent (callers skip invalid, duplicate and opted-out rows). */
export function addToTotals(totals: Totals, p: RowPreview): void {
  totals.messages++;
  totals.segments += p.segments;
  totals.byEncoding[p.encoding]++;
  if (p.costMinMicros !== null && p.costMaxMicros !== null) {
    totals.costMinMicros += p.costMinMicros;
    totals.costMaxMicros += p.costMaxMicros;
  } else totals.unpricedMessages++;
  const key = p.country ?? UNKNOWN_COUNTRY;
  const c = (totals.byCountry[key] ??= { messages: 0, segments: 0, costMaxMicros: null });
  c.messages++;
  c.segments += p.segments;
  if (p.costMaxMicros !== null) c.costMaxMicros = (c.costMaxMicros ?? 0) + p.costMaxMicros;
  totals.savedSegments += p.segmentsWithoutAutoconvert - p.segments;
  if (p.costWithoutAutoconvertMaxMicros !== null && p.costMaxMicros !== null) {
    totals.savedCostMaxMicros += p.costWithoutAutoconvertMaxMicros - p.costMaxMicros;
  }
  if (p.extraSegment) totals.extraSegmentRows++;
  if (p.emptyFields.length > 0) totals.emptyFieldRows++;
}
