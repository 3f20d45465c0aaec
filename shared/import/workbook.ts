// The entry of every import: a CSV file or a workbook (.xlsx, .ods), told apart by their first bytes.
// A workbook's sheet is read piece by piece into rows that the record importer takes as they come.
import { createCsvImporter, type Importer, type ImporterUpdate } from './importer';
import type { ImportOptions, ImportOutcome, ImportResult } from './model';
import { joinBytes } from './decode';
import { headerOnly } from './refusals';
import { MAX_IMPORT_FILE_BYTES } from './rules';
import { createRecordImporter } from './record-importer';
import type { SheetRead, SheetSink } from './sheet-rows';
import { readXlsx } from './xlsx';
import { isOds, readOds } from './ods';
import { ZipArchive, ZipDamaged, type InflateRaw } from './zip';

const NONE: ImporterUpdate = { rows: [], restart: false, error: null };

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * An importer for a CSV file or a workbook, told apart by the first bytes. A workbook is held until
 * finish() (its list of parts is at its end), which then reads its sheet piece by piece, telling
 * `onProgress` the share of the sheet read; a CSV file's progress is the caller's bytes pushed.
 * `maxSheetText`: the most characters a sheet may become as CSV text (the CSV file's cap).
 * `inflateRaw`: a native inflater for the workbook's parts (Node's zlib), where the caller has one.
 */
export function createImporter(
  options: ImportOptions,
  onProgress?: (fraction: number) => void,
  maxSheetText = MAX_IMPORT_FILE_BYTES,
  inflateRaw?: InflateRaw,
): Importer {
  let csv: Importer | null = null;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let workbook = false;
  const start = (bytes: Uint8Array): ImporterUpdate => {
    csv = createCsvImporter(options);
    return csv.push(bytes);
  };
  return {
    push(chunk) {
      if (csv) return csv.push(chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      if (workbook || heldBytes < 4) return NONE;
      const all = joinBytes(held);
      if (isZip(all)) {
        workbook = true;
        return NONE;
      }
      held.length = 0;
      return start(all);
    },
    finish() {
      if (csv) return csv.finish();
      const all = joinBytes(held);
      held.length = 0;
      if (!isZip(all)) {
        start(all);
        return (csv as Importer | null)?.finish() ?? { ok: false, error: headerOnly(options.fileName) };
      }
      return importWorkbook(all, options, { maxSheetText, onProgress, inflateRaw });
    },
  };
}

/** Per spreadsheet row (1-based), the raw dates of its date cells by 0-based column; null elsewhere. */
type SheetDates = Map<number, (string | null)[]>;

interface WorkbookReading {
  maxSheetText: number;
  onProgress: ((fraction: number) => void) | undefined;
  inflateRaw: InflateRaw | undefined;
}

function importWorkbook(
  bytes: Uint8Array,
  options: ImportOptions,
  { maxSheetText, onProgress, inflateRaw }: WorkbookReading,
): ImportOutcome {
  const name = `"${options.fileName}"`;
  const importer = createRecordImporter(options);
  const dates: SheetDates = new Map();
  let size = 0;
  let tooLarge = false;
  const sink: SheetSink = {
    rows(records, fraction) {
      // The same cap as a CSV file's, on the sheet's text: a small archive may unpack to far more.
      for (const record of records) for (const cell of record.cells) size += cell.length + 1;
      if (size > maxSheetText) {
        tooLarge = true;
        return false;
      }
      if (!importer.push(records)) return false;
      onProgress?.(fraction);
      return true;
    },
    date(row, column, iso) {
      let rowDates = dates.get(row);
      if (!rowDates) dates.set(row, (rowDates = []));
      while (rowDates.length < column) rowDates.push(null);
      rowDates[column] = iso;
    },
  };
  let read: SheetRead;
  try {
    const zip = new ZipArchive(bytes, inflateRaw);
    const workbook = zip.parts.get('xl/workbook.xml');
    const content = zip.parts.get('content.xml');
    if (workbook) read = readXlsx(zip, workbook, options.fileName, options.sheet, sink);
    else if (content && isOds(zip)) {
      read = readOds(zip, content, options.fileName, options.sheet, sink);
    } else
      read = { ok: false, error: `${name} is a ZIP archive, not a spreadsheet (.xlsx, .ods) or a CSV file.` };
  } catch (error) {
    if (!(error instanceof ZipDamaged)) throw error;
    read = {
      ok: false,
      error: `${name} is a damaged or unreadable ZIP file: open it in Excel and save it again.`,
    };
  }
  if (!read.ok) return read;
  if (tooLarge) {
    return {
      ok: false,
      error: `${name}: the sheet "${read.sheet}" is larger than 1 GB as text; split it into smaller files first.`,
    };
  }
  const outcome = importer.finish();
  if (outcome.ok) {
    outcome.result.sheets = read.sheets;
    outcome.result.sheet = read.sheet;
    attachDates(outcome.result, dates);
  }
  return outcome;
}

/** Gives each row with a date cell its `dates`, one per header column like its `fields`. */
function attachDates(result: ImportResult, dates: SheetDates): void {
  if (dates.size === 0) return;
  const width = result.header.length;
  for (const recipient of result.recipients) {
    const found = dates.get(recipient.row + result.headerRow);
    if (!found) continue;
    const row = found.slice(0, width);
    while (row.length < width) row.push(null);
    if (row.some((d) => d !== null)) recipient.dates = row;
  }
}

/**
 * The whole file at once (CLI, main, tests), through the same streaming path in 4 MB slices;
 * `inflateRaw` as for createImporter.
 */
export function importRecipients(
  bytes: Uint8Array,
  options: ImportOptions,
  inflateRaw?: InflateRaw,
): ImportOutcome {
  const importer = createImporter(options, undefined, MAX_IMPORT_FILE_BYTES, inflateRaw);
  const slice = 4 * 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    if (importer.push(bytes.subarray(at, at + slice)).error) break;
  }
  return importer.finish();
}
