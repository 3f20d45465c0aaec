import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createImporter, importRecipients } from './workbook';
import { buildXlsx, type TestCell } from './xlsx-test-support';

const NAMES = ['Jüri Õun', 'Дмитрий', 'Ελένη', 'Aino 🎉', 'Mari-Liis'];

/** `n` customers: the same rows as CSV text and as a workbook's rows. */
function customers(n: number): { csv: Uint8Array; rows: Map<number, TestCell[]> } {
  const lines = ['name,phone,note'];
  const rows = new Map<number, TestCell[]>([[1, ['name', 'phone', 'note']]]);
  for (let i = 0; i < n; i++) {
    const name = `${NAMES[i % NAMES.length] ?? ''} ${i}`;
    const phone = 37251000000 + (i % 40_000);
    // Every third row leaves its last cell out, as Excel does with an empty cell.
    const note = i % 3 === 0 ? null : `n${i}`;
    lines.push(`${name},${phone},${note ?? ''}`);
    rows.set(i + 2, [name, phone, note]);
  }
  return { csv: new TextEncoder().encode(lines.join('\r\n')), rows };
}

function importWithProgress(bytes: Uint8Array, fileName: string, maxText?: number) {
  const fractions: number[] = [];
  const importer = createImporter({ fileName, defaultCountry: 'EE' }, (f) => fractions.push(f), maxText);
  importer.push(bytes);
  return { outcome: importer.finish(), fractions };
}

/** The same workbook with its parts stored, not deflated. */
function stored(book: Uint8Array): Uint8Array {
  const parts = unzipSync(book);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { level: 0 }]])));
}

describe('workbooks read piece by piece', () => {
  const { csv, rows } = customers(20_000);
  const book = buildXlsx([{ name: 'Customers', rows }]);
  const plain = importRecipients(csv, { fileName: 'c.xlsx', defaultCountry: 'EE' });

  it.each([
    ['deflated', book],
    ['stored', stored(book)],
  ])('a %s sheet gives the same rows as the same CSV, with progress up to the whole sheet', (_, bytes) => {
    const { outcome, fractions } = importWithProgress(bytes, 'c.xlsx');
    if (!outcome.ok || !plain.ok) throw new Error('import refused');
    expect(outcome.result.recipients).toEqual(plain.result.recipients);
    expect(outcome.result.counts).toEqual(plain.result.counts);
    // Cells a sheet leaves out are empty values, not ragged rows.
    expect(outcome.result.problems).toEqual([]);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] ?? 0))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('keeps a cell over several lines as one value: in a workbook that is no stray quote', () => {
    const sheet = new Map<number, TestCell[]>([
      [1, ['phone', 'address']],
      [2, ['+37251000001', 'Pikk 1\nTallinn, Estonia']],
      [4, ['+37251000002', 'Kalda 2']],
    ]);
    const outcome = importRecipients(buildXlsx([{ name: 'S', rows: sheet }]), {
      fileName: 'a.xlsx',
      defaultCountry: 'EE',
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.recipients.map((r) => [r.row + outcome.result.headerRow, r.fields])).toEqual([
      [2, ['+37251000001', 'Pikk 1\nTallinn, Estonia']],
      [4, ['+37251000002', 'Kalda 2']],
    ]);
    expect(outcome.result.problems).toEqual([]);
  });

  it('stops reading the sheet as soon as the import is refused', () => {
    const noPhones = new Map<number, TestCell[]>([[1, ['name', 'city']]]);
    for (let i = 2; i < 30_000; i++) noPhones.set(i, [`Name ${i}`, 'Tartu']);
    const { outcome, fractions } = importWithProgress(buildXlsx([{ name: 'S', rows: noPhones }]), 'n.xlsx');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.columns).toEqual(['name', 'city']);
    expect(fractions.at(-1) ?? 0).toBeLessThan(0.5);
  });

  it('refuses a sheet larger, as text, than the cap, naming the file and the sheet', () => {
    const { outcome } = importWithProgress(book, 'big.xlsx', 100_000);
    expect(outcome).toEqual({
      ok: false,
      error:
        '"big.xlsx": the sheet "Customers" is larger than 1 GB as text; split it into smaller files first.',
    });
  });
});
