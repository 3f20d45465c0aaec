import { describe, expect, it } from 'vitest';
import type { ImportedRecipient } from '../../../shared/types';
import { FLAG_UCS2, UNKNOWN_COST, UNSENT_COST, type SortablePass } from './preview-model';
import { filterOrder, sortIndicesSliced, sortRows, type SortSpec } from './preview-model-sort';

function pseudoRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** Runs every scheduled slice now, counting them. */
function drain(start: (schedule: (run: () => void) => void) => void): number {
  const queue: (() => void)[] = [];
  start((run) => queue.push(run));
  let slices = 0;
  while (queue.length > 0) {
    queue.shift()!();
    slices++;
  }
  return slices;
}

function fixture(): { recipients: ImportedRecipient[]; pass: SortablePass } {
  const phones = ['+3725003', '12', '+3725001', '+3725002', '+3725001'];
  const recipients = phones.map<ImportedRecipient>((p, i) => ({
    row: i + 1,
    fields: ['x', p],
    rawPhone: p,
    to: p === '12' ? null : p,
    status: p === '12' ? 'invalid' : 'ok',
    reason: null,
  }));
  return {
    recipients,
    pass: {
      flags: Uint8Array.from([0, 0, FLAG_UCS2, 0, FLAG_UCS2]),
      segments: Uint16Array.from([2, 1, 3, 1, 1]),
      costs: Float64Array.from([2, UNSENT_COST, UNKNOWN_COST, 1, 1]),
      totals: { messages: 4 } as SortablePass['totals'],
      skipped: 1,
    },
  };
}

function sorted(spec: SortSpec): number[] {
  const { recipients, pass } = fixture();
  let out: number[] = [];
  drain((schedule) => sortRows(spec, recipients, pass, (o) => (out = [...o]), { schedule }));
  return out;
}

describe('sortIndicesSliced', () => {
  it('sorts stably in many slices and matches Array.prototype.sort', () => {
    const rnd = pseudoRandom(7);
    const keys = Float64Array.from({ length: 50_000 }, () => Math.floor(rnd() * 100));
    const compare = (a: number, b: number): number => keys[a]! - keys[b]!;
    let order: Uint32Array | null = null;
    const slices = drain((schedule) =>
      sortIndicesSliced(keys.length, compare, (o) => (order = o), { sliceMs: 0, schedule }),
    );
    expect(slices).toBeGreaterThan(5);
    const expected = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => compare(a, b) || a - b);
    expect([...order!]).toEqual(expected);
  });

  it('handles empty and single lists, and never reports after cancel', () => {
    const seen: number[][] = [];
    drain((schedule) =>
      sortIndicesSliced(
        0,
        () => 0,
        (o) => seen.push([...o]),
        { schedule },
      ),
    );
    drain((schedule) =>
      sortIndicesSliced(
        1,
        () => 0,
        (o) => seen.push([...o]),
        { schedule },
      ),
    );
    expect(seen).toEqual([[], [0]]);
    const queue: (() => void)[] = [];
    const cancel = sortIndicesSliced(
      10,
      (a, b) => b - a,
      () => seen.push([]),
      {
        schedule: (run) => queue.push(run),
      },
    );
    cancel();
    while (queue.length > 0) queue.shift()!();
    expect(seen).toHaveLength(2);
  });
});

describe('sortRows', () => {
  it('sorts by each column both ways, equal keys in file order', () => {
    expect(sorted({ key: 'row', direction: 'ascending' })).toEqual([0, 1, 2, 3, 4]);
    expect(sorted({ key: 'row', direction: 'descending' })).toEqual([4, 3, 2, 1, 0]);
    expect(sorted({ key: 'phone', direction: 'ascending' })).toEqual([2, 4, 3, 0, 1]);
    expect(sorted({ key: 'phone', direction: 'descending' })).toEqual([1, 0, 3, 2, 4]);
    expect(sorted({ key: 'encoding', direction: 'ascending' })).toEqual([0, 1, 3, 2, 4]);
    expect(sorted({ key: 'encoding', direction: 'descending' })).toEqual([2, 4, 0, 1, 3]);
    expect(sorted({ key: 'segments', direction: 'descending' })).toEqual([2, 0, 1, 3, 4]);
    // Unsent rows first, unpriced rows last.
    expect(sorted({ key: 'cost', direction: 'ascending' })).toEqual([1, 3, 4, 0, 2]);
  });
});

describe('filterOrder', () => {
  it('keeps the sorted order of the rows having every flag', () => {
    const flags = Uint8Array.from([1, 3, 2, 3]);
    const order = Uint32Array.from([3, 2, 1, 0]);
    expect([...filterOrder(order, flags, 2)]).toEqual([3, 2, 1]);
    expect([...filterOrder(order, flags, 3)]).toEqual([3, 1]);
    expect(filterOrder(order, flags, 0)).toBe(order);
  });
});
