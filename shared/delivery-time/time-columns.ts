// Which columns of an imported file hold per-row delivery times, and in which format: one rule for
// the app (its import worker works them out) and for `omnicast preview` and `send`, so that the same
// file gives each row the same delivery time in both.
import type { ImportResult } from '../import/model';
import { detectTimeColumns } from './detect';
import type { TimeColumnGuess } from './types';

/** Rows read to decide: enough to tell a time column, few enough that a large file detects at once. */
export const TIME_SAMPLE_ROWS = 2_000;

/**
 * The time columns of an import, read from its first rows. A workbook's column of date cells is
 * judged on the dates the cells hold, whatever the sheet displays: it is a time column (read as
 * 'excel') when enough of them carry a time of day, and none when they are days alone, as an
 * appointment's day without its hour cannot say when to send.
 */
export function timeColumnsOf(result: Pick<ImportResult, 'header' | 'recipients'>): TimeColumnGuess[] {
  const sample = result.recipients.slice(0, TIME_SAMPLE_ROWS);
  const rows = sample.map((r) => r.fields);
  // A CSV file (or a sheet without a date cell) has only its text: the raw dates would decide nothing.
  const dated = sample.some((r) => r.dates !== undefined);
  return detectTimeColumns(result.header, rows, dated ? sample.map((r) => r.dates) : undefined);
}
