import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importRecipients, type InflateRaw } from '../shared/import';
import { odsOfRows } from '../shared/import/ods-test-support';
import { buildXlsx, type TestCell } from '../shared/import/xlsx-test-support';
import { nativeInflateRaw } from './native-inflate';

const options = { fileName: 'c.xlsx', defaultCountry: 'EE' };

function customers(n: number): Map<number, TestCell[]> {
  const rows = new Map<number, TestCell[]>([[1, ['name', 'phone', 'since']]]);
  for (let i = 0; i < n; i++) rows.set(i + 2, [`Mari ${i}`, 51000000 + i, { n: 45292 + (i % 30), style: 1 }]);
  return rows;
}

/** The native inflater, counting the parts it inflated. */
function counted(inflate: InflateRaw): { inflate: InflateRaw; parts: () => number } {
  let parts = 0;
  return {
    inflate: (data, max) => {
      const out = inflate(data, max);
      if (out) parts++;
      return out;
    },
    parts: () => parts,
  };
}

describe("a workbook's parts inflated by Node's zlib", () => {
  const book = buildXlsx([{ name: 'Customers', rows: customers(5_000) }]);

  it('gives the same import as fflate, every deflated part inflated natively', () => {
    const native = counted(nativeInflateRaw);
    const withZlib = importRecipients(book, options, native.inflate);
    expect(withZlib).toEqual(importRecipients(book, options));
    // Sheet list, relationships, styles, shared strings and the sheet.
    expect(native.parts()).toBe(5);
    if (!withZlib.ok) throw new Error(withZlib.error);
    expect(withZlib.result.recipients.at(-1)?.fields).toEqual(['Mari 4999', '51004999', '20.01.2024']);
  });

  it('reads an .ods file the same way', () => {
    const ods = odsOfRows('S', [
      ['phone', 'name'],
      [51000001, 'Jüri'],
      ['+37251000002', 'Дмитрий'],
    ]);
    const native = counted(nativeInflateRaw);
    const outcome = importRecipients(ods, { ...options, fileName: 'c.ods' }, native.inflate);
    expect(outcome).toEqual(importRecipients(ods, { ...options, fileName: 'c.ods' }));
    expect(native.parts()).toBeGreaterThan(0);
  });

  it('streams a part through fflate when it would inflate to more than the native limit', () => {
    const tight = counted((data) => nativeInflateRaw(data, 1024));
    expect(importRecipients(book, options, tight.inflate)).toEqual(importRecipients(book, options));
    // Only the small parts fit in 1 KB; the sheet and its strings were streamed.
    expect(tight.parts()).toBe(3);
  });

  it('refuses a damaged sheet with the same sentence as without zlib', () => {
    const parts = unzipSync(book);
    const sheet = parts['xl/worksheets/sheet1.xml'] as Uint8Array;
    // Stored as deflated, yet with bytes that are no deflate stream.
    const damaged = zipSync({ ...parts, 'xl/worksheets/sheet1.xml': [sheet, { level: 6 }] });
    const start = findPart(damaged, 'xl/worksheets/sheet1.xml');
    damaged.fill(0xff, start, start + 64);
    const error = '"c.xlsx" is a damaged or unreadable ZIP file: open it in Excel and save it again.';
    expect(importRecipients(damaged, options, nativeInflateRaw)).toEqual({ ok: false, error });
    expect(importRecipients(damaged, options)).toEqual({ ok: false, error });
  });
});

/** Where a part's compressed data starts, after its local header. */
function findPart(zip: Uint8Array, name: string): number {
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at < zip.length - 30; at++) {
    if (zip[at] !== 0x50 || zip[at + 1] !== 0x4b || zip[at + 2] !== 3 || zip[at + 3] !== 4) continue;
    const nameLength = (zip[at + 26] ?? 0) | ((zip[at + 27] ?? 0) << 8);
    const extra = (zip[at + 28] ?? 0) | ((zip[at + 29] ?? 0) << 8);
    const found = zip.subarray(at + 30, at + 30 + nameLength);
    if (found.length === wanted.length && found.every((b, i) => b === wanted[i]))
      return at + 30 + nameLength + extra;
  }
  throw new Error(`${name} not in the archive`);
}
