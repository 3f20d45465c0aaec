import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { InflateRaw } from './zip';
import { inflateAhead } from './inflate-ahead';
import { odsOfRows } from './ods-test-support';
import { importRecipients } from './workbook';
import { buildXlsx, type TestCell } from './xlsx-test-support';

const options = { fileName: 'c.xlsx', defaultCountry: 'EE' };

function sheet(first: number, n: number): Map<number, TestCell[]> {
  const rows = new Map<number, TestCell[]>([[1, ['name', 'phone']]]);
  for (let i = 0; i < n; i++) rows.set(i + 2, [`Jüri ${first + i}`, 51000000 + first + i]);
  return rows;
}

/** The inflater, counting the parts it handed over. */
function counted(inflate: InflateRaw | undefined): { inflate: InflateRaw; parts: () => number } {
  let parts = 0;
  return {
    inflate: (data, max) => {
      const out = inflate?.(data, max) ?? null;
      if (out) parts++;
      return out;
    },
    parts: () => parts,
  };
}

describe('inflateAhead: the large parts inflated by DecompressionStream before the import', () => {
  const book = buildXlsx([
    { name: 'First', rows: sheet(0, 3_000) },
    { name: 'Second', rows: sheet(5_000, 2_000) },
  ]);

  it('hands over the sheet and its shared strings, and the import is the same as without', async () => {
    const ahead = counted(await inflateAhead(book));
    const outcome = importRecipients(book, options, ahead.inflate);
    expect(outcome).toEqual(importRecipients(book, options));
    expect(ahead.parts()).toBe(2);
    expect(outcome.ok && outcome.result.recipients.length).toBe(3_000);
  });

  it('inflates the sheet chosen by name, not the first', async () => {
    const chosen = { ...options, sheet: 'second' };
    const ahead = counted(await inflateAhead(book, 'second'));
    const outcome = importRecipients(book, chosen, ahead.inflate);
    expect(outcome).toEqual(importRecipients(book, chosen));
    expect(ahead.parts()).toBe(2);
    expect(outcome.ok && outcome.result.recipients[0]?.fields).toEqual(['Jüri 5000', '51005000']);
  });

  it("inflates an .ods file's content", async () => {
    const ods = odsOfRows('S', [
      ['phone', 'name'],
      [51000001, 'Дмитрий'],
    ]);
    const ahead = counted(await inflateAhead(ods));
    const odsOptions = { ...options, fileName: 'c.ods' };
    expect(importRecipients(ods, odsOptions, ahead.inflate)).toEqual(importRecipients(ods, odsOptions));
    expect(ahead.parts()).toBe(1);
  });

  it('leaves a damaged part, a CSV file and a broken archive to the import', async () => {
    const parts = unzipSync(book);
    const damaged = zipSync({ ...parts, 'xl/sharedStrings.xml': strToU8('<sst>') });
    // Cut the shared strings' deflated bytes short, keeping the archive's directory intact.
    const at = indexOf(damaged, strToU8('xl/sharedStrings.xml')) + 'xl/sharedStrings.xml'.length;
    damaged.fill(0xff, at, at + 7);
    const ahead = counted(await inflateAhead(damaged));
    expect(ahead.parts()).toBe(0);
    const outcome = importRecipients(damaged, options, ahead.inflate);
    expect(outcome).toEqual(importRecipients(damaged, options));
    expect(!outcome.ok && outcome.error).toContain('damaged');
    expect(await inflateAhead(strToU8('phone\n+37251000001\n'))).toBeUndefined();
    expect(await inflateAhead(book.subarray(0, 1_000))).toBeUndefined();
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
