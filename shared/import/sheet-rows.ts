// What a workbook reader (.xlsx, .ods) hands on: its sheet's rows as records with their spreadsheet
// row numbers, piece by piece, and the raw dates of its date cells (see workbook.ts).

/** One spreadsheet row: its 1-based number and its cells' text, 0-based columns. */
export interface SheetRecord {
  row: number;
  cells: string[];
}

export interface SheetSink {
  /** The next rows of the sheet that hold a value, in order; `fraction` of the sheet read. False: stop. */
  rows(records: SheetRecord[], fraction: number): boolean;
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
 * Collects the sheet's rows cell by cell. Rows and cells the sheet leaves out (or repeats empty) are
 * no records and no values: the row numbers say where each row was.
 */
export class SheetRows {
  private records: SheetRecord[] = [];
  private cells: string[] = [];
  private row = 0;
  private column = 0;

  constructor(private readonly sink: SheetSink) {}

  /** Starts 1-based spreadsheet row `row` (0: the row after the previous one). */
  start(row = 0): void {
    this.end();
    this.row = row > 0 ? row : this.row + 1;
    this.column = 0;
  }

  /** The cell at 0-based `column` (the next one when absent); empty text only advances. */
  cell(text: string, date: string | null, column = this.column): void {
    this.column = column + 1;
    if (date !== null) this.sink.date(this.row, column, date);
    if (text === '') return;
    while (this.cells.length < column) this.cells.push('');
    this.cells[column] = text;
  }

  /** Ends the current row, kept when it holds a value. */
  end(): void {
    if (this.row === 0 || this.cells.length === 0) return;
    this.records.push({ row: this.row, cells: this.cells });
    this.cells = [];
  }

  /** Hands the rows ended so far to the sink; false when it wants no more. */
  flush(fraction: number): boolean {
    if (this.records.length === 0) return true;
    const records = this.records;
    this.records = [];
    return this.sink.rows(records, fraction);
  }

  /** Counts the current row `count` times in all, as an empty row repeated. */
  advance(count: number): void {
    this.row += count - 1;
  }
}
