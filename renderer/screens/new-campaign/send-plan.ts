// Numbers the Send step states: how long sending takes at a rate (worded by lib/format.ts), and the
// recipient batches to upload.
import type { ImportedRecipient } from '../../../shared/types';
import { isAllowedRate, RATE_RANGE } from '../../../shared/limits';

/** Seconds to send `messages` at `rate` per second (null for a rate that is not a positive number). */
export function sendingSeconds(messages: number, rate: number): number | null {
  return Number.isFinite(rate) && rate > 0 ? messages / rate : null;
}

/** The contract takes at most 10 000 recipients per call; smaller batches keep the progress bar moving. */
export const BATCH_SIZE = 5_000;

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Recipients as the contract's schema wants them (no extra properties a strict schema would refuse). */
export function toContract(r: ImportedRecipient): ImportedRecipient {
  const base = {
    row: r.row,
    fields: r.fields,
    rawPhone: r.rawPhone,
    to: r.to,
    status: r.status,
    reason: r.reason,
  };
  // A workbook's date cells go along: main reads a time column of spreadsheet dates from them.
  return r.dates ? { ...base, dates: r.dates } : base;
}

/** Why a sending speed cannot be used, or null. Empty (null/undefined) is not a speed. */
export function rateProblem(rate: number | null | undefined): string | null {
  return rate == null || !isAllowedRate(rate) ? `Choose a speed ${RATE_RANGE}.` : null;
}

/** Why a spending cap cannot be used, or null. Empty means "no cap". */
export function capProblem(cap: number | null | undefined): string | null {
  return cap != null && !(cap > 0) ? 'A spending cap is an amount above zero, or empty for none.' : null;
}
