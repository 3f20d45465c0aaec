// A clinic's appointment list as an Excel workbook: its date cells are read from the raw dates the
// import keeps, whatever the sheet's display format shows.
import { describe, expect, it } from 'vitest';
import { importRecipients } from '../import/workbook';
import { buildXlsx } from '../import/xlsx-test-support';
import { detectTimeColumns } from './detect';
import { timeCell } from './parse';
import { planRowTime } from './plan';

const NOW = Date.parse('2026-05-01T06:00:00Z');

function appointments(rows: [string, number | string][]) {
  const book = buildXlsx([
    {
      name: 'Appointments',
      rows: new Map([
        [1, ['Phone', 'Appointment', 'Note']],
        // Style 6 is Excel's built-in date and time; style 1 a day without a time.
        ...rows.map(([phone, when], i): [number, (string | { n: number; style: number })[]] => [
          i + 2,
          [phone, typeof when === 'number' ? { n: when, style: 6 } : when, 'x'],
        ]),
      ]),
    },
  ]);
  const outcome = importRecipients(book, { fileName: 'clinic.xlsx', defaultCountry: 'EE' });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('Excel date cells', () => {
  const result = appointments([
    ['+37251000001', 46146.395833333336], // 4 May 2026 09:30
    ['+37251000002', 46147.5], // 5 May 2026 12:00
    ['+37251000003', 'ask Mari'],
  ]);
  const rows = result.recipients.map((r) => r.fields);
  const dates = result.recipients.map((r) => r.dates);

  it('detects a column of date cells as excel from the raw dates', () => {
    expect(detectTimeColumns(result.header, rows, dates)).toEqual([
      { column: 1, format: 'excel', candidates: ['excel'], parsedShare: 2 / 3 },
    ]);
  });

  it('plans each row from its raw date, and names the format for a text cell', () => {
    const plan = {
      column: 1,
      format: 'excel',
      rule: { kind: 'at' },
      quietHours: null,
      zone: 'Europe/Tallinn',
      countryColumn: null,
    } as const;
    const planned = result.recipients.map((r) =>
      planRowTime(timeCell(r.fields, r.dates, 1, 'excel'), null, plan, NOW),
    );
    expect(planned.map((p) => p.sendAt)).toEqual(['2026-05-04T06:30:00Z', '2026-05-05T09:00:00Z', undefined]);
    expect(planned[2]).toMatchObject({
      problem: 'unparseable',
      message: expect.stringContaining('a spreadsheet date'),
    });
  });

  it('does not take a column of days without a time of day for a time column', () => {
    const days = buildXlsx([
      {
        name: 'Days',
        rows: new Map([
          [1, ['Phone', 'Day']],
          [2, ['+37251000001', { n: 46146, style: 1 }]],
          [3, ['+37251000002', { n: 46147, style: 1 }]],
        ]),
      },
    ]);
    const outcome = importRecipients(days, { fileName: 'days.xlsx', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    const recipients = outcome.result.recipients;
    expect(
      detectTimeColumns(
        outcome.result.header,
        recipients.map((r) => r.fields),
        recipients.map((r) => r.dates),
      ),
    ).toEqual([]);
  });

  it('reads the shown text for any other format', () => {
    expect(timeCell(['a', '04.05.2026 09:30'], [null, '2026-05-04T09:30'], 1, 'dd.MM.yyyy HH:mm')).toBe(
      '04.05.2026 09:30',
    );
    expect(timeCell(['a', '46146.4'], undefined, 1, 'excel')).toBe('46146.4');
  });
});
