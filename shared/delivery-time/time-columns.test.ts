import { describe, expect, it } from 'vitest';
import { buildOds } from '../import/ods-test-support';
import { importRecipients } from '../import/workbook';
import { buildXlsx } from '../import/xlsx-test-support';
import type { ImportedRecipient } from '../types';
import { timeColumnsOf } from './time-columns';

function recipient(row: number, fields: string[], dates?: (string | null)[]): ImportedRecipient {
  return {
    row,
    fields,
    rawPhone: fields[1] ?? '',
    to: null,
    status: 'ok',
    reason: null,
    ...(dates ? { dates } : {}),
  };
}

type Cell = string | { n: number; style: number };

// Style 1 shows a day alone (dd.mm.yyyy), style 6 a day and a time (m/d/yy h:mm); what a cell holds
// is its serial: 46146 is 4 May 2026, .395833… 09:30 and .5 noon.
const DAY = (n: number): Cell => ({ n, style: 1 });
const TIMED = (n: number): Cell => ({ n, style: 6 });

/** A clinic's workbook: phone, name, and an "Appointment" column (column 2) of these cells. */
function clinic(appointments: Cell[]) {
  const rows = new Map<number, Cell[]>([[1, ['Phone', 'Name', 'Appointment']]]);
  appointments.forEach((cell, i) => rows.set(i + 2, [`+3725100000${i}`, `Mari ${i}`, cell]));
  const outcome = importRecipients(buildXlsx([{ name: 'Visits', rows }]), {
    fileName: 'clinic.xlsx',
    defaultCountry: 'EE',
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe("a workbook's date columns", () => {
  it('are not offered when their cells are days without a time of day', () => {
    expect(timeColumnsOf(clinic([DAY(46146), DAY(46147), DAY(46148)]))).toEqual([]);
  });

  it('are read as spreadsheet dates when their cells carry times, with the share that does', () => {
    const result = clinic([DAY(46146.395833333336), TIMED(46147.5), 'ask Mari']);
    expect(timeColumnsOf(result)).toEqual([
      { column: 2, format: 'excel', candidates: ['excel'], parsedShare: 2 / 3 },
    ]);
  });

  it('are not offered when too few of their cells carry a time of day', () => {
    const result = clinic([TIMED(46146.395833333336), DAY(46147), DAY(46148)]);
    expect(timeColumnsOf(result)).toEqual([]);
  });
});

describe("an OpenDocument sheet's date columns", () => {
  it('are offered as spreadsheet dates when their cells carry times, not when they are days alone', () => {
    const cell = (shown: string, value: string) =>
      `<table:table-cell office:value-type="date" office:date-value="${value}"><text:p>${shown}</text:p></table:table-cell>`;
    const text = (t: string) =>
      `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
    const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
    const book = buildOds(
      '<table:table table:name="Visits">' +
        row(text('Phone') + text('Day') + text('Visit')) +
        row(
          text('+37251000001') +
            cell('04.05.2026', '2026-05-04') +
            cell('04.05.26 09:30', '2026-05-04T09:30:00'),
        ) +
        row(
          text('+37251000002') +
            cell('05.05.2026', '2026-05-05') +
            cell('05.05.26 12:00', '2026-05-05T12:00:00'),
        ) +
        '</table:table>',
    );
    const outcome = importRecipients(book, { fileName: 'visits.ods', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(timeColumnsOf(outcome.result)).toEqual([
      { column: 2, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });
});

describe('the time columns of an import', () => {
  it('are the columns whose first rows read as date-times, a workbook date cell counting as one', () => {
    const header = ['name', 'phone', 'visit', 'booked', 'note'];
    const recipients = [
      recipient(
        1,
        ['Mari', '+3725550001', '14.12.2026 09:00', '4 May', 'x'],
        [null, null, null, '2026-05-04T09:30', null],
      ),
      recipient(
        2,
        ['Jüri', '+3725550002', '15.12.2026 10:30', '5 May', 'y'],
        [null, null, null, '2026-05-05T10:30', null],
      ),
    ];
    expect(timeColumnsOf({ header, recipients })).toEqual([
      { column: 2, format: 'dd.MM.yyyy HH:mm', candidates: ['dd.MM.yyyy HH:mm'], parsedShare: 1 },
      { column: 3, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });

  it("read a workbook's date-times as spreadsheet dates even where the sheet shows them another way", () => {
    // The sheet shows 4 and 5 May month-first: its text alone would be read as MM.dd.yyyy HH:mm.
    const recipients = [
      recipient(1, ['+3725550001', '05.04.2026 09:30'], [null, '2026-05-04T09:30']),
      recipient(2, ['+3725550002', '05.05.2026 10:30'], [null, '2026-05-05T10:30']),
      recipient(3, ['+3725550003', '05.13.2026 11:00'], [null, '2026-05-13T11:00']),
    ];
    expect(timeColumnsOf({ header: ['phone', 'visit'], recipients })).toEqual([
      { column: 1, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });
});
