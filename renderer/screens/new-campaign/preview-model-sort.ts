// Sorting the preview's rows without freezing the window: a bottom-up merge sort of an index array,
// resumable at any element so it runs in slices of about `sliceMs`, like the totals pass. Sorting the
// indices (never the rows) keeps a million rows at 4 MB per order, and keys come from the pass's arrays.
import type { ImportedRecipient } from '../../../shared/types';
import { nextSlice, type Scheduler } from '../../lib/frame-yield';
import { FLAG_UCS2, type SortablePass } from './preview-model';

type SortKeys = Pick<SortablePass, 'flags' | 'segments' | 'costs'>;

export type SortKey = 'row' | 'phone' | 'encoding' | 'segments' | 'cost';
export type SortDirection = 'ascending' | 'descending';

export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

/** Compares two row indices by `key`, ascending; ties are left to the caller. */
export function keyComparator(
  key: SortKey,
  recipients: readonly ImportedRecipient[],
  pass: SortKeys,
): (a: number, b: number) => number {
  switch (key) {
    case 'row':
      return (a, b) => a - b;
    case 'phone': {
      // What the table shows: the normalised number, or the raw text when it could not be read.
      const shown = (i: number): string => {
        const r = recipients[i]!;
        return r.to ?? r.rawPhone;
      };
      return (a, b) => {
        const x = shown(a);
        const y = shown(b);
        return x < y ? -1 : x > y ? 1 : 0;
      };
    }
    case 'encoding':
      // GSM-7 before UCS-2, as the names sort.
      return (a, b) => (pass.flags[a]! & FLAG_UCS2) - (pass.flags[b]! & FLAG_UCS2);
    case 'segments':
      return (a, b) => pass.segments[a]! - pass.segments[b]!;
    case 'cost':
      return (a, b) => {
        const x = pass.costs[a]!;
        const y = pass.costs[b]!;
        return x < y ? -1 : x > y ? 1 : 0;
      };
  }
}

/** Row order for `spec`: equal keys always keep file order, whichever the direction. */
export function orderComparator(
  spec: SortSpec,
  recipients: readonly ImportedRecipient[],
  pass: SortKeys,
): (a: number, b: number) => number {
  const byKey = keyComparator(spec.key, recipients, pass);
  const sign = spec.direction === 'ascending' ? 1 : -1;
  return (a, b) => sign * byKey(a, b) || a - b;
}

/**
 * Sorts 0..count-1 by `compare` in slices, yielding between them so that frames are painted; onDone receives
 * the order. Returns a cancel function; onDone is never called after cancel.
 */
export function sortIndicesSliced(
  count: number,
  compare: (a: number, b: number) => number,
  onDone: (order: Uint32Array) => void,
  { sliceMs = 12, schedule = nextSlice }: { sliceMs?: number; schedule?: Scheduler } = {},
): () => void {
  let src = new Uint32Array(count);
  for (let i = 0; i < count; i++) src[i] = i;
  let dst = new Uint32Array(count);
  // Runs of RUN elements are insertion-sorted first: fewer merge passes, cheap on short runs.
  const RUN = 32;
  let runAt = 0;
  // Merge state, resumable between any two elements.
  let width = RUN;
  let left = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  let mid = 0;
  let right = 0;
  let mergeStarted = false;
  let cancelled = false;

  const startMerge = (): void => {
    mid = Math.min(left + width, count);
    right = Math.min(left + 2 * width, count);
    i = left;
    j = mid;
    k = left;
    mergeStarted = true;
  };

  const slice = (): void => {
    if (cancelled) return;
    const until = performance.now() + sliceMs;
    let steps = 0;
    while (runAt < count) {
      const end = Math.min(runAt + RUN, count);
      for (let a = runAt + 1; a < end; a++) {
        const v = src[a]!;
        let b = a - 1;
        while (b >= runAt && compare(src[b]!, v) > 0) {
          src[b + 1] = src[b]!;
          b--;
        }
        src[b + 1] = v;
      }
      runAt = end;
      if ((++steps & 15) === 0 && performance.now() > until) return schedule(slice);
    }
    while (width < count) {
      while (left < count) {
        if (!mergeStarted) startMerge();
        while (k < right) {
          if (j >= right || (i < mid && compare(src[i]!, src[j]!) <= 0)) dst[k++] = src[i++]!;
          else dst[k++] = src[j++]!;
          // Checking the clock every element would cost more than the merge itself.
          if ((k & 1023) === 0 && performance.now() > until) return schedule(slice);
        }
        mergeStarted = false;
        left = right;
      }
      [src, dst] = [dst, src];
      width *= 2;
      left = 0;
    }
    onDone(src);
  };
  schedule(slice);
  return () => {
    cancelled = true;
  };
}

/** Positions of `order` whose row has every flag in `mask`, in that order (all of `order` when 0). */
export function filterOrder(order: Uint32Array, flags: Uint8Array, mask: number): Uint32Array {
  if (mask === 0) return order;
  let n = 0;
  for (let p = 0; p < order.length; p++) if ((flags[order[p]!]! & mask) === mask) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let p = 0; p < order.length; p++) {
    const index = order[p]!;
    if ((flags[index]! & mask) === mask) out[n++] = index;
  }
  return out;
}

/**
 * The table's order for `spec`: file order needs no sort (reversed at once for descending); any other
 * key is sorted in slices. Returns a cancel function, as sortIndicesSliced.
 */
export function sortRows(
  spec: SortSpec,
  recipients: readonly ImportedRecipient[],
  pass: SortKeys,
  onDone: (order: Uint32Array) => void,
  options: { sliceMs?: number; schedule?: Scheduler } = {},
): () => void {
  const count = recipients.length;
  if (spec.key === 'row') {
    const order = new Uint32Array(count);
    const down = spec.direction === 'descending';
    for (let p = 0; p < count; p++) order[p] = down ? count - 1 - p : p;
    onDone(order);
    return () => {};
  }
  return sortIndicesSliced(count, orderComparator(spec, recipients, pass), onDone, options);
}
