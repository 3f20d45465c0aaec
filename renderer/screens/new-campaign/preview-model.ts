// The preview of every row, computed lazily for what is on screen and once, in slices, for totals and
// filters: a million rows never block the window for more than a slice.
import {
  createTotals,
  addToTotals,
  previewRow,
  type CompiledTemplate,
  type PreviewOptions,
  type RowPreview,
  type RowTimeContext,
  type Totals,
} from '../../../shared/sms';
import type { SegmentCapCheck } from '../../../shared/import/rules';
import type { ImportedRecipient } from '../../../shared/types';
import { nextSlice, type Scheduler } from '../../lib/frame-yield';

export const FLAG_PROBLEM = 1;
export const FLAG_UCS2 = 2;
export const FLAG_MULTI = 4;

export interface PreviewInput {
  recipients: readonly ImportedRecipient[];
  template: CompiledTemplate;
  options: PreviewOptions;
  /** Each row's appointment, for `{{Column|time}}` and the like, when times come from a column. */
  timeOf?: (index: number) => RowTimeContext | null;
}

export function previewOf(input: PreviewInput, index: number): RowPreview {
  const r = input.recipients[index]!;
  // Rows that will not be sent are still rendered (so the operator sees them) but never priced.
  const time = input.timeOf?.(index) ?? null;
  return previewRow(input.template, r.fields, r.status === 'ok' ? r.to : null, input.options, time);
}

/** Problem = never sent, an empty merge field without fallback, or an extra segment. */
export function flagsOf(r: ImportedRecipient, p: RowPreview): number {
  let flags = 0;
  if (r.status !== 'ok' || p.emptyFields.length > 0 || p.extraSegment) flags |= FLAG_PROBLEM;
  if (p.encoding === 'UCS-2') flags |= FLAG_UCS2;
  if (p.segments > 1) flags |= FLAG_MULTI;
  return flags;
}

/** A bounded cache of previews for the rows being scrolled past. */
export function createRowCache(input: PreviewInput, limit = 5_000): (index: number) => RowPreview {
  const cache = new Map<number, RowPreview>();
  return (index) => {
    let p = cache.get(index);
    if (p === undefined) {
      if (cache.size >= limit) cache.clear(); // cheap to recompute; only the visible window matters
      p = previewOf(input, index);
      cache.set(index, p);
    }
    return p;
  };
}

export interface PassResult {
  flags: Uint8Array;
  totals: Totals;
  /** Rows not sent (invalid, duplicate, opted out). */
  skipped: number;
}

/** The pass's result with the keys the table sorts by (the rest of the wizard needs only PassResult). */
export interface SortablePass extends PassResult {
  /** Segments of each row (capped at 65 535), kept so the table can sort by them without recomputing. */
  segments: Uint16Array;
  /**
   * Most a row can cost, in micros, for sorting: UNSENT_COST for rows never sent, UNKNOWN_COST for rows
   * without a price (they sort after every priced row).
   */
  costs: Float64Array;
}

export const UNSENT_COST = -1;
export const UNKNOWN_COST = Number.POSITIVE_INFINITY;

export type { Scheduler };

/**
 * Walks every row in slices of about `sliceMs`, yielding between them so that frames are painted.
 * Returns a cancel function; onDone is never called after cancel.
 */
export function runPreviewPass(
  input: PreviewInput,
  onProgress: (done: number, total: number) => void,
  onDone: (result: SortablePass) => void,
  {
    sliceMs = 12,
    schedule = nextSlice,
    cap,
  }: {
    sliceMs?: number;
    schedule?: Scheduler;
    /** Told every sendable row's segments, with its row as the spreadsheet shows it. */
    cap?: { check: SegmentCapCheck; headerRow: number };
  } = {},
): () => void {
  const total = input.recipients.length;
  const flags = new Uint8Array(total);
  const segments = new Uint16Array(total);
  const costs = new Float64Array(total);
  const totals = createTotals();
  let skipped = 0;
  let at = 0;
  let cancelled = false;

  const slice = (): void => {
    if (cancelled) return;
    const until = performance.now() + sliceMs;
    while (at < total) {
      const r = input.recipients[at]!;
      const p = previewOf(input, at);
      flags[at] = flagsOf(r, p);
      segments[at] = Math.min(p.segments, 0xffff);
      if (r.status === 'ok') {
        addToTotals(totals, p);
        cap?.check.add(r.row + cap.headerRow, p.segments);
        costs[at] = p.costMaxMicros ?? UNKNOWN_COST;
      } else {
        skipped++;
        costs[at] = UNSENT_COST;
      }
      at++;
      // Checking the clock every row would cost more than the rows themselves.
      if ((at & 255) === 0 && performance.now() > until) break;
    }
    onProgress(at, total);
    if (at < total) schedule(slice);
    else onDone({ flags, segments, costs, totals, skipped });
  };
  schedule(slice);
  return () => {
    cancelled = true;
  };
}

/** Indices of rows having every flag in `mask` (all rows when mask is 0). */
export function filterRows(flags: Uint8Array, mask: number): Int32Array {
  if (mask === 0) return Int32Array.from({ length: flags.length }, (_, i) => i);
  let n = 0;
  for (let i = 0; i < flags.length; i++) if ((flags[i]! & mask) === mask) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < flags.length; i++) if ((flags[i]! & mask) === mask) out[n++] = i;
  return out;
}
