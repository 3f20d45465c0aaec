// A file's layout, worked out from its first records, a CSV file's or a workbook sheet's: delimiter
// and line ending (CSV only), header row, column names, phone and country columns. A file whose
// layout cannot be worked out is refused here with one sentence for the operator.
import {
  detectDelimiter,
  detectHeaderIndex,
  detectNewline,
  isBlank,
  parseRecords,
  PHONE_SAMPLE_ROWS,
  phoneCandidates,
  uniqueHeader,
} from './detect';
import type { ImportOptions } from './model';
import { headerOnly, unknownColumn, noPhoneColumn } from './refusals';
import type { RowSetup } from './rows';
import { detectCountryColumn } from './country';

export interface LayoutSetup {
  delimiter: string;
  newline: string;
  setup: RowSetup;
}

/**
 * A refusal (one sentence for the operator), thrown while the file's layout is worked out; `columns`
 * when the file was readable but no phone column was found.
 */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly columns?: string[],
  ) {
    super(message);
  }
}

export const LAYOUT_RECORDS = 1000;

/** Whether `records` holds the header at `headerIndex` and the 200 data rows phoneCandidates() reads. */
export function enoughAfter(records: readonly string[][], headerIndex: number): boolean {
  if (headerIndex < 0 || headerIndex >= records.length) return false;
  let rows = 0;
  for (let i = headerIndex + 1; i < records.length && rows < PHONE_SAMPLE_ROWS; i++) {
    if (!isBlank(records[i] as string[])) rows++;
  }
  return rows >= PHONE_SAMPLE_ROWS;
}

/**
 * The file's layout from its first decoded text (`last` when that is the whole file): delimiter, line
 * ending, header row, column names and phone column. Throws ImportRefused.
 */
export function detectLayout(sample: string, last: boolean, options: ImportOptions): LayoutSetup {
  const newline = detectNewline(sample);
  const delimiter = options.delimiter ?? detectDelimiter(sample, newline);
  // The header is among the first 50 records and the phone column is judged on 200 rows after it:
  // a prefix of the sample usually holds both; parse all of it only when not.
  let records = parseRecords(sample, delimiter, newline, !last, LAYOUT_RECORDS).data;
  let headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : detectHeaderIndex(records);
  if (records.length >= LAYOUT_RECORDS && !enoughAfter(records, headerIndex)) {
    records = parseRecords(sample, delimiter, newline, !last).data;
    headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : detectHeaderIndex(records);
  }
  return { delimiter, newline, setup: layoutOfRecords(records, headerIndex, options, delimiter) };
}

/**
 * The header, column names, phone and country columns from the file's first records (a CSV file's
 * or a workbook sheet's, one per spreadsheet row from the first), the header at `headerIndex`.
 * `delimiter`: a CSV file's, for telling rows run together; none for a workbook. Throws ImportRefused.
 */
export function layoutOfRecords(
  records: readonly string[][],
  headerIndex: number,
  options: ImportOptions,
  delimiter?: string,
): RowSetup {
  const headerRecord = records[headerIndex];
  if (!headerRecord) {
    throw new ImportRefused(
      options.headerRow !== undefined
        ? `"${options.fileName}" has no row ${options.headerRow} to use as the header: it has ${records.length} rows.`
        : headerOnly(options.fileName),
    );
  }
  const { header, issues } = uniqueHeader(headerRecord, headerRecord.length);
  const dataSample = records.slice(headerIndex + 1).filter((r) => !isBlank(r));
  let countryColumn: number | null = null;
  if (typeof options.countryColumn === 'string') {
    countryColumn = columnNamed(header, options.countryColumn, options.fileName);
  } else if (options.countryColumn === undefined) {
    countryColumn = detectCountryColumn(header, dataSample.slice(0, PHONE_SAMPLE_ROWS), null);
  }
  const candidates = phoneCandidates(header, dataSample, options.defaultCountry, countryColumn);
  let phoneColumn: number;
  if (options.phoneColumn !== undefined) {
    phoneColumn = columnNamed(header, options.phoneColumn, options.fileName);
  } else {
    const best = candidates[0];
    if (best === undefined) throw new ImportRefused(noPhoneColumn(options.fileName, header), header);
    phoneColumn = best;
  }
  const setup: RowSetup = {
    header,
    headerIssues: issues,
    headerRow: headerIndex + 1,
    phoneColumn,
    candidates,
    country: options.defaultCountry,
    optOuts: options.optOuts ?? new Set(),
    countryColumn: countryColumn === phoneColumn ? null : countryColumn,
  };
  if (delimiter !== undefined) setup.delimiter = delimiter;
  return setup;
}

/** The column the operator named (case and surrounding spaces ignored); refused with the file's columns. */
function columnNamed(header: readonly string[], name: string, fileName: string): number {
  const wanted = name.trim().toLowerCase();
  const index = header.findIndex((column) => column.toLowerCase() === wanted);
  if (index < 0) throw new ImportRefused(unknownColumn(fileName, name, header), [...header]);
  return index;
}
