import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportedRecipient } from '../types';
import { rawDate } from './model';
import { importRecipients } from './workbook';
import { formatCellNumber, general, serialToDate } from './xlsx-format';
import { buildXlsx, type TestCell } from './xlsx-test-support';

describe('formatCellNumber: numbers as Excel shows them', () => {
  it.each([
    [37251234567, undefined, '37251234567'],
    [3.7251234567e10, undefined, '37251234567'],
    [12.5, undefined, '12.5'],
    [0.1 + 0.2, undefined, '0.3'],
    [501, '00000', '00501'],
    [1234.5, '#,##0.00', '1,234.50'],
    [37251234567, '0', '37251234567'],
    [37251234567, '"+"0', '+37251234567'],
    [0.256, '0.0%', '25.6%'],
    [45292, 'dd\\.mm\\.yyyy', '01.01.2024'],
    [45292.75, 'yyyy-mm-dd h:mm', '2024-01-01 18:00'],
    [45292.5, 'd mmmm yyyy, h:mm AM/PM', '1 January 2024, 12:00 PM'],
    [-3, '0;(0)', '(3)'],
    [1234567, '0.00E+00', '1.23E+06'],
  ])('%s in %s → %s', (n, code, text) => {
    expect(formatCellNumber(n, code, false)).toBe(text);
  });

  it('reads 1904-based dates and the dates before 1 March 1900', () => {
    expect(formatCellNumber(0, 'yyyy-mm-dd', true)).toBe('1904-01-01');
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(general(-0.5)).toBe('-0.5');
  });
});

const row = (...cells: TestCell[]) => cells;

describe('importRecipients: Excel workbooks', () => {
  const workbook = buildXlsx([
    {
      name: 'Kliendid',
      rows: new Map([
        [1, row({ inline: 'Customers, March' })],
        [3, row('Nimi', 'Telefon', 'Riik', 'Liitunud', 'Indeks', 'Saldo')],
        [
          4,
          row(
            'Jüri & Mari <OÜ>',
            { n: 3.7251234567e10, style: 4 },
            'EE',
            { n: 45292, style: 1 },
            { n: 501, style: 3 },
            { n: 1234.5, style: 5 },
          ),
        ],
        [
          5,
          row({ rich: ['Дмитрий ', 'Иванов'] }, 3.7251234568e10, 'Eesti', { n: 45293, style: 2 }, null, 0.1),
        ],
        [7, row('Aino, "Aini"', '040 123 4567', 'FI', null, null, 3)],
      ]),
    },
    {
      name: 'Muu',
      rows: new Map([
        [1, row('phone', 'name')],
        [2, row('+37251000009', 'Other')],
      ]),
    },
  ]);

  it('imports the first sheet: numbers stored as floats come out as Excel shows them, row numbers as Excel', () => {
    const outcome = importRecipients(workbook, { fileName: 'kliendid.xlsx', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    const r = outcome.result;
    expect([r.sheets, r.sheet, r.headerRow, r.phoneColumnName, r.countryColumnName]).toEqual([
      ['Kliendid', 'Muu'],
      'Kliendid',
      3,
      'Telefon',
      'Riik',
    ]);
    expect(r.recipients.map((x) => [x.row + r.headerRow, x.to, x.fields])).toEqual([
      [4, '+37251234567', ['Jüri & Mari <OÜ>', '37251234567', 'EE', '01.01.2024', '00501', '1,234.50']],
      [5, '+37251234568', ['Дмитрий Иванов', '37251234568', 'Eesti', '2024-01-02', '', '0.1']],
      [7, '+358401234567', ['Aino, "Aini"', '040 123 4567', 'FI', '', '', '3']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('keeps the raw date of every date cell beside the text Excel shows, per row and column', () => {
    const book = buildXlsx([
      {
        name: 'Times',
        rows: new Map([
          [1, row('phone', 'send at', 'day', 'time', 'note')],
          [
            2,
            row(
              '+37251000001',
              { n: 46146.395833333336, style: 6 },
              { n: 46146, style: 1 },
              { n: 0.395833333333, style: 7 },
              'x',
            ),
          ],
          [3, row('+37251000002', { n: 46146, style: 6 }, { n: 46146.5, style: 2 }, null, null)],
          [4, row('+37251000003', { iso: '2026-05-04T09:30:15Z' }, { n: 12, style: 5 }, null, '2026-05-04')],
          [5, row('+37251000004', 'tomorrow', 7)],
        ]),
      },
    ]);
    const outcome = importRecipients(book, { fileName: 't.xlsx', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    const rows = outcome.result.recipients;
    expect(rows.map((r) => r.fields.slice(1, 4))).toEqual([
      ['2026-05-04 9:30', '04.05.2026', '9:30'],
      ['2026-05-04 0:00', '2026-05-04', ''],
      ['2026-05-04T09:30:15Z', '12.00', ''],
      ['tomorrow', '7', ''],
    ]);
    expect(rows.map((r) => r.dates)).toEqual([
      [null, '2026-05-04T09:30', '2026-05-04', null, null],
      [null, '2026-05-04T00:00', '2026-05-04T12:00', null, null],
      [null, '2026-05-04T09:30:15', null, null, null],
      undefined,
    ]);
    expect([rawDate(rows[0] as ImportedRecipient, 2), rawDate(rows[3] as ImportedRecipient, 1)]).toEqual([
      '2026-05-04',
      null,
    ]);
  });

  it('imports the sheet chosen by name, and names the sheets when it is not there', () => {
    const other = importRecipients(workbook, { fileName: 'k.xlsx', defaultCountry: 'EE', sheet: 'muu' });
    expect(other.ok && other.result.recipients.map((x) => x.to)).toEqual(['+37251000009']);
    const missing = importRecipients(workbook, { fileName: 'k.xlsx', defaultCountry: 'EE', sheet: 'Sheet9' });
    expect(missing).toEqual({
      ok: false,
      error: '"k.xlsx" has no sheet named "Sheet9": its sheets are "Kliendid", "Muu".',
    });
  });

  it('refuses a ZIP that is no workbook with one sentence', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(importRecipients(zip, { fileName: 'a.zip', defaultCountry: 'EE' })).toEqual({
      ok: false,
      error: '"a.zip" is a ZIP archive, not a spreadsheet (.xlsx, .ods) or a CSV file.',
    });
  });
});
