// A workbook sheet's rows reach the row processor as records with their spreadsheet row numbers: no
// CSV text in between, yet the same detection of header, phone and country columns and the same rules
// as a CSV file (layout.ts, rows.ts).
import { detectHeaderIndex } from './detect';
import { enoughAfter, ImportRefused, LAYOUT_RECORDS, layoutOfRecords } from './layout';
import type { ImportOptions, ImportOutcome } from './model';
import { headerOnly } from './refusals';
import { RowProcessor } from './rows';
import type { SheetRecord } from './sheet-rows';

export interface RecordImporter {
  /** The next rows, in order; false once the import is refused (read no further). */
  push(records: readonly SheetRecord[]): boolean;
  finish(): ImportOutcome;
}

/** Rows held at most before the layout is decided, however few of them are data rows. */
const MAX_HELD = 10 * LAYOUT_RECORDS;

export function createRecordImporter(options: ImportOptions): RecordImporter {
  let held: SheetRecord[] = [];
  let processor: RowProcessor | null = null;
  let width = 0;
  let error: { message: string; columns?: string[] } | null = null;

  const feed = (record: SheetRecord): void => {
    // A sheet leaves a row's empty cells out: that is no ragged row.
    const cells = record.cells;
    while (cells.length < width) cells.push('');
    processor?.record(cells, record.row);
  };

  /** Decides the layout from the rows held, unless more are needed and may come. */
  const detect = (last: boolean): void => {
    // One record per spreadsheet row from the first, as a CSV file has, for the header's position.
    const dense: string[][] = [];
    for (const record of held) {
      while (dense.length < record.row - 1) dense.push([]);
      dense.push(record.cells);
    }
    const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : detectHeaderIndex(dense);
    const enough = dense.length >= LAYOUT_RECORDS && enoughAfter(dense, headerIndex);
    if (!last && !enough && dense.length < MAX_HELD) return;
    const setup = layoutOfRecords(dense, headerIndex, options);
    processor = new RowProcessor(setup);
    width = setup.header.length;
    for (const record of held) feed(record);
    held = [];
  };

  const guarded = (run: () => void): boolean => {
    if (error) return false;
    try {
      run();
      return true;
    } catch (thrown) {
      if (!(thrown instanceof ImportRefused)) throw thrown;
      error = thrown.columns
        ? { message: thrown.message, columns: thrown.columns }
        : { message: thrown.message };
      held = [];
      return false;
    }
  };

  return {
    push(records) {
      return guarded(() => {
        if (processor) for (const record of records) feed(record);
        else {
          for (const record of records) held.push(record);
          detect(false);
        }
      });
    },
    finish() {
      if (!processor && held.length > 0) guarded(() => detect(true));
      if (error)
        return error.columns
          ? { ok: false, error: error.message, columns: error.columns }
          : { ok: false, error: error.message };
      if (!processor) return { ok: false, error: headerOnly(options.fileName) };
      const result = (processor as RowProcessor).result(options.fileName, 'utf-8', ',');
      if (result.recipients.length === 0) return { ok: false, error: headerOnly(options.fileName) };
      return { ok: true, result };
    },
  };
}
