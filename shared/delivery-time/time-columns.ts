// Which columns of an imported file hold per-row delivery times, and in which format: one rule for
// the app (its import worker works them out) and for `omnicast preview` and `send`, so that the same
// file gives each row the same delivery time in both.
import type { ImportResult } from '../import/model';
import { detectTimeColumns } from './detect';
import type { TimeColumnGuess } from './types';

/** Rows read to decide: enough to tell a time column, few enough that a large file detects at once. */
export const TIME_SAMPLE_ROWS = 2_000;

/**
 * The detected columns, with those holding a workbook's dates read as spreadsheet dates: their text
 * is only how the sheet displayed them, whatever it looks like.
 */
export function withDateColumns(
  guesses: readonly TimeColumnGuess[],
  dateColumns: ReadonlySet<number>,
): TimeColumnGuess[] {
  const excel = (column: number): TimeColumnGuess => ({
    column,
    format: 'excel',
    candidates: ['excel'],
    parsedShare: 1,
  });
  const out = guesses.map((g) => (dateColumns.has(g.column) ? excel(g.column) : g));
  for (const column of dateColumns) if (!out.some((g) => g.column === column)) out.push(excel(column));
  return out;
}

/** The time columns of an import, read from its first rows (a workbook's date cells count as dates). */
export function timeColumnsOf(result: Pick<ImportResult, 'header' | 'recipients'>): TimeColumnGuess[] {
  const sample = result.recipients.slice(0, TIME_SAMPLE_ROWS);
  const dateColumns = new Set<number>();
  for (const r of sample) {
    r.dates?.forEach((date, column) => {
      if (date !== null) dateColumns.add(column);
    });
  }
  const rows = sample.map((r) => r.fields);
  return withDateColumns(detectTimeColumns(result.header, rows), dateColumns);
}
