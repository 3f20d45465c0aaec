// Which columns of an imported file look like date-times, worked out by the import worker from the
// file's first rows and sent to the window with the outcome. Reading a column's cells in every time
// format is tens of milliseconds of Luxon parsing: in the window it held the one frame that showed
// the import's report.
import { detectTimeColumns, type TimeColumnGuess } from '../../shared/delivery-time';
import type { ImportResult } from '../../shared/import/model';

/** Rows read to decide: enough to tell a time column, few enough for a large file. */
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
