import { describe, expect, it } from 'vitest';
import { batches, sendingSeconds, toContract } from './send-plan';

describe('send plan', () => {
  it('refuses a rate that is not positive', () => {
    expect(sendingSeconds(100, 20)).toBe(5);
    expect(sendingSeconds(100, 0)).toBeNull();
    expect(sendingSeconds(100, Number.NaN)).toBeNull();
  });

  it('splits recipients into batches within the contract limit', () => {
    const parts = batches(Array.from({ length: 12_001 }, (_, i) => i));
    expect(parts.map((p) => p.length)).toEqual([5_000, 5_000, 2_001]);
    expect(parts[2]?.[2_000]).toBe(12_000);
  });
});

describe('recipients as the contract takes them', () => {
  it("carry a workbook's date cells along, and nothing a CSV row lacks", () => {
    const csvRow = {
      row: 1,
      fields: ['a'],
      rawPhone: '1',
      to: null,
      status: 'invalid' as const,
      reason: 'x',
    };
    expect(toContract({ ...csvRow, extra: true } as typeof csvRow)).toEqual(csvRow);
    const dates = [null, '2026-12-07T09:00'];
    expect(toContract({ ...csvRow, dates })).toEqual({ ...csvRow, dates });
  });
});
