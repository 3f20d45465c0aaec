import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../../shared/sms';
import type { ImportedRecipient } from '../../../shared/types';
import {
  FLAG_MULTI,
  FLAG_PROBLEM,
  FLAG_UCS2,
  filterRows,
  runPreviewPass,
  type SortablePass,
  type PreviewInput,
  UNKNOWN_COST,
  UNSENT_COST,
} from './preview-model';

function recipient(
  row: number,
  name: string,
  to: string | null,
  status: ImportedRecipient['status'] = 'ok',
): ImportedRecipient {
  return {
    row,
    fields: [name, to ?? 'x'],
    rawPhone: to ?? 'x',
    to,
    status,
    reason: status === 'ok' ? null : 'Too short',
  };
}

function input(recipients: ImportedRecipient[]): PreviewInput {
  const compiled = compileTemplate('Hello {{name}}, see you soon', ['name', 'phone']);
  if (!compiled.ok) throw new Error('template');
  return {
    recipients,
    template: compiled.template,
    options: { autoconvert: 'off', prices: {}, typicalSegments: 1 },
  };
}

describe('runPreviewPass', () => {
  it('flags problems, UCS-2 and long rows, totals only rows that will be sent, in several slices', () => {
    const rows = [
      recipient(1, 'Ann', '+37251234567'),
      recipient(2, 'Zoë Łukasz', '+37251234568'),
      recipient(3, 'A'.repeat(200), '+37251234569'),
      recipient(4, 'Bob', null, 'invalid'),
      recipient(5, '', '+37251234570'),
    ];
    const queue: (() => void)[] = [];
    let result: SortablePass | null = null;
    const progress: number[] = [];
    runPreviewPass(
      input(rows),
      (done) => progress.push(done),
      (r) => (result = r),
      {
        sliceMs: -1, // every slice ends at its first clock check
        schedule: (run) => queue.push(run),
      },
    );
    while (queue.length > 0) queue.shift()!();
    expect(progress.at(-1)).toBe(5);
    const r = result as SortablePass | null;
    expect(r?.skipped).toBe(1);
    expect(r?.totals.messages).toBe(4);
    expect(r?.totals.byEncoding['UCS-2']).toBe(1);
    expect(r?.totals.unpricedMessages).toBe(4);
    const flags = r!.flags;
    expect(Array.from(filterRows(flags, FLAG_UCS2))).toEqual([1]);
    expect(Array.from(filterRows(flags, FLAG_MULTI))).toEqual([2]);
    // Row 3 adds a segment, row 4 is invalid, row 5 has an empty name.
    expect(Array.from(filterRows(flags, FLAG_PROBLEM))).toEqual([2, 3, 4]);
    expect(filterRows(flags, 0).length).toBe(5);
    // Sort keys: segments of every row; cost only for rows sent (none priced here), unsent rows apart.
    expect(Array.from(r!.segments)).toEqual([1, 1, 2, 1, 1]);
    expect(Array.from(r!.costs)).toEqual([
      UNKNOWN_COST,
      UNKNOWN_COST,
      UNKNOWN_COST,
      UNSENT_COST,
      UNKNOWN_COST,
    ]);
  });

  it('stops when cancelled', () => {
    const queue: (() => void)[] = [];
    let done = false;
    const cancel = runPreviewPass(
      input([recipient(1, 'Ann', '+37251234567')]),
      () => {},
      () => (done = true),
      {
        schedule: (run) => queue.push(run),
      },
    );
    cancel();
    while (queue.length > 0) queue.shift()!();
    expect(done).toBe(false);
  });
});
