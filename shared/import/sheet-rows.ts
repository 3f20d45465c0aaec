// What a workbook reader (.xlsx, .ods) hands on: its sheet as CSV lines, piece by piece, and the raw
// dates of its date cells; the importer reads those lines like any CSV file (see workbook.ts).
import { csvValue } from './xml-text';

export interface SheetSink {
  /** The next CSV lines of the sheet, each ended by CRLF; `fraction` of the sheet read. False: stop. */
  lines(csv: string, fraction: number): boolean;
  /** A date cell's value as a zone-less local ISO date or date-time, by 1-based row and 0-based column. */
  date(row: number, column: number, iso: string): void;
}

export type SheetRead = { ok: true; sheets: string[]; sheet: string } | { ok: false; error: string };

/** The refusal of a workbook without the sheet asked for (or without any sheet). */
export function noSheet(
  fileName: string,
  sheetName: string | undefined,
  names: readonly string[],
): SheetRead {
  const name = `"${fileName}"`;
  if (sheetName === undefined || names.length === 0) return { ok: false, error: `${name} has no sheets.` };
  return {
    ok: false,
    error: `${name} has no sheet named "${sheetName}": its sheets are ${names.map((n) => `"${n}"`).join(', ')}.`,
  };
}

/**
 * Builds the CSV text row by row. A line per spreadsheet row, so that row numbers stay those the
 * spreadsheet shows; rows and cells it leaves out (or repeats empty) become empty lines and values
 * only when something follows them, never at the end of a row or of the sheet.
 */
export class CsvRows {
  private out = '';
  private emitted = 0;
  private cells: string[] = [];
  private row = 0;
  private column = 0;
  /** The widest row so far: a sheet leaves a row's empty cells out, which is no ragged row. */
  private width = 0;

  constructor(private readonly sink: SheetSink) {}

  /** Starts 1-based spreadsheet row `row` (0: the row after the previous one). */
  start(row = 0): void {
    this.end();
    this.row = row > 0 ? row : this.row + 1;
    this.column = 0;
  }

  /** Skips `count` columns (empty cells). */
  skip(count: number): void {
    this.column += count;
  }

  /** The cell at 0-based `column` (the next one when absent); empty text only advances. */
  cell(text: string, date: string | null, column = this.column): void {
    this.column = column + 1;
    if (date !== null) this.sink.date(this.row, column, date);
    if (text === '') return;
    while (this.cells.length < column) this.cells.push('');
    this.cells[column] = text;
  }

  /** Ends the current row: written when it holds a value; an empty one is written only if one follows. */
  end(): void {
    if (this.row === 0 || this.cells.length === 0) return;
    while (this.emitted < this.row - 1) {
      this.out += '\r\n';
      this.emitted++;
    }
    this.width = Math.max(this.width, this.cells.length);
    while (this.cells.length < this.width) this.cells.push('');
    this.out += this.cells.map(csvValue).join(',') + '\r\n';
    this.emitted++;
    this.cells = [];
  }

  /** Hands the lines built so far to the sink; false when it wants no more. */
  flush(fraction: number): boolean {
    if (this.out === '') return true;
    const out = this.out;
    this.out = '';
    return this.sink.lines(out, fraction);
  }

  /** The current row's 1-based number. */
  get current(): number {
    return this.row;
  }

  /** Marks the current row as done without writing it, when it repeats empty `count` times in all. */
  advance(count: number): void {
    this.row += count - 1;
  }
}
