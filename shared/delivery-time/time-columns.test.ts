import { describe, expect, it } from 'vitest';
import type { ImportedRecipient } from '../types';
import { CLEAR_GUESS, UNSURE_GUESS } from './plan-test-support';
import { timeColumnsOf, withDateColumns } from './time-columns';

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

describe("a workbook's date columns", () => {
  it('are read as spreadsheet dates, detected from their text or not', () => {
    const guesses = withDateColumns([CLEAR_GUESS, UNSURE_GUESS], new Set([3, 5]));
    expect(guesses).toEqual([
      CLEAR_GUESS,
      { column: 3, format: 'excel', candidates: ['excel'], parsedShare: 1 },
      { column: 5, format: 'excel', candidates: ['excel'], parsedShare: 1 },
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
      recipient(2, ['Jüri', '+3725550002', '15.12.2026 10:30', '5 May', 'y']),
    ];
    expect(timeColumnsOf({ header, recipients })).toEqual([
      { column: 2, format: 'dd.MM.yyyy HH:mm', candidates: ['dd.MM.yyyy HH:mm'], parsedShare: 1 },
      { column: 3, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });
});
