// Which columns of an imported file hold date-times, and in which format. Day-first or month-first is
// decided by the whole column: one day above 12 settles it; a column where every day is 12 or less
// cannot tell 03.04 from 04.03 and asks the operator.
import { isDayFirst, parsesAs, swappedFormat, TIME_FORMATS } from './parse';
import type { TimeColumnGuess, TimeFormat } from './types';

/** A column counts as a time column when at least this share of its filled cells parse. */
const MIN_SHARE = 0.5;
/** Cells read per column: enough to decide, few enough that a large file detects at once. */
const SAMPLE = 2000;

function filledCells(rows: readonly (readonly string[])[], column: number): string[] {
  const cells: string[] = [];
  for (const row of rows) {
    const value = (row[column] ?? '').trim();
    if (value !== '') cells.push(value);
    if (cells.length >= SAMPLE) break;
  }
  return cells;
}

function guessColumn(column: number, cells: readonly string[]): TimeColumnGuess | null {
  if (cells.length === 0) return null;
  let best: { format: TimeFormat; count: number } | null = null;
  const counts = new Map<TimeFormat, number>();
  // Whole numbers alone are order numbers or counts as often as dates: a column of spreadsheet
  // serials counts only when some cell has a time of day (a fraction) or is a workbook's date-time.
  const timed = cells.some((cell) => /[.T]/.test(cell));
  for (const format of TIME_FORMATS) {
    if (format === 'excel' && !timed) continue;
    // A format that already fails more cells than a time column may is not read further.
    const allowedFailures = Math.floor(cells.length * (1 - MIN_SHARE));
    let count = 0;
    let failures = 0;
    for (const cell of cells) {
      if (parsesAs(cell, format)) count++;
      else if (++failures > allowedFailures) break;
    }
    counts.set(format, count);
    if (count > 0 && (best === null || count > best.count)) best = { format, count };
  }
  if (best === null) return null;
  const parsedShare = best.count / cells.length;
  if (parsedShare < MIN_SHARE) return null;
  const twin = swappedFormat(best.format);
  if (twin !== null && counts.get(twin) === best.count) {
    // Every cell reads both ways: the column cannot decide. Day-first is offered first, as most of
    // the customers' countries write it.
    const candidates = isDayFirst(best.format) ? [best.format, twin] : [twin, best.format];
    return { column, format: null, candidates, parsedShare };
  }
  return { column, format: best.format, candidates: [best.format], parsedShare };
}

/**
 * A workbook column whose cells are mostly dates with a time of day: 'excel', read from the raw
 * dates whatever the sheet's display format shows ("4 May", "04.05.26 9:30"…).
 */
function workbookGuess(
  column: number,
  rows: readonly (readonly string[])[],
  dates: readonly (readonly (string | null)[] | undefined)[],
): TimeColumnGuess | null {
  let filled = 0;
  let timed = 0;
  for (let r = 0; r < rows.length && filled < SAMPLE; r++) {
    const raw = dates[r]?.[column] ?? null;
    if (raw === null && (rows[r]?.[column] ?? '').trim() === '') continue;
    filled++;
    if (raw !== null && parsesAs(raw, 'excel')) timed++;
  }
  if (timed === 0 || timed / filled < MIN_SHARE) return null;
  return { column, format: 'excel', candidates: ['excel'], parsedShare: timed / filled };
}

/**
 * The columns that look like date-times, the best first (highest share, then leftmost), each with
 * its format, or with the formats to choose between when the column cannot decide. `dates`: for a
 * workbook, each row's raw dates (the import's `dates`), which decide a column of date cells.
 */
export function detectTimeColumns(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  dates?: readonly (readonly (string | null)[] | undefined)[],
): TimeColumnGuess[] {
  const guesses: TimeColumnGuess[] = [];
  for (let column = 0; column < columns.length; column++) {
    const workbook = dates === undefined ? null : workbookGuess(column, rows, dates);
    const guess = workbook ?? guessColumn(column, filledCells(rows, column));
    if (guess !== null) guesses.push(guess);
  }
  return guesses.sort((a, b) => b.parsedShare - a.parsedShare || a.column - b.column);
}
