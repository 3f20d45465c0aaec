// The import's options and its result, shared by the renderer's worker, main and the CLI.
import type { ImportedRecipient } from '../types';
import type { CsvEncoding } from './decode';

export interface ImportOptions {
  /** Named in every refusal and problem, as the operator knows the file. */
  fileName: string;
  /** ISO 3166 alpha-2 country for national numbers, e.g. "EE". */
  defaultCountry: string;
  /** Header name (case-insensitive) of the phone column; detected when absent. */
  phoneColumn?: string;
  /**
   * Header name of a column giving each row's country for national numbers (defaultCountry where it
   * is empty or unknown); detected when absent, none when null.
   */
  countryColumn?: string | null;
  /** One of , ; tab | — detected when absent. */
  delimiter?: string;
  encoding?: CsvEncoding;
  /** 1-based spreadsheet row of the header; detected when absent. */
  headerRow?: number;
  /** Name of the workbook sheet to read (an .xlsx file); the first sheet when absent. */
  sheet?: string;
  /** Opted-out numbers, in E.164. */
  optOuts?: ReadonlySet<string>;
}

export interface ImportProblem {
  /** The row as a spreadsheet shows it (header row included), not ImportedRecipient.row. */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportCounts {
  total: number;
  ok: number;
  invalid: number;
  duplicate: number;
  opted_out: number;
  blankLinesSkipped: number;
}

export interface ImportResult {
  fileName: string;
  encoding: CsvEncoding;
  delimiter: string;
  /** 1-based spreadsheet row of the header. Spreadsheet row of a recipient = its `row` + headerRow. */
  headerRow: number;
  /** Column names, trimmed and made unique ("name", "name_2", "column_3"). */
  header: string[];
  /** One sentence per column name that had to be changed. */
  headerIssues: string[];
  /** Index into `header` of the phone column. */
  phoneColumn: number;
  phoneColumnName: string;
  /** Columns that could hold phone numbers, best first (for a "phone column" picker). */
  phoneCandidates: number[];
  /** A workbook's sheet names, and the one read; absent for a CSV file. */
  sheets?: string[];
  sheet?: string;
  /** Index into `header` of the column giving each row's country, or null. */
  countryColumn: number | null;
  countryColumnName: string | null;
  recipients: ImportedRecipient[];
  counts: ImportCounts;
  /**
   * Problems with the file's structure (ragged rows, unclosed quotes), at most MAX_PROBLEMS plus one
   * summary line. A row's own status reason (invalid, duplicate, opted out) is on the recipient.
   */
  problems: ImportProblem[];
}

/**
 * A refusal carries the file's column names when it was refused for want of a phone column, so that
 * the operator can pick one and import again instead of editing the file.
 */
export type ImportOutcome =
  { ok: true; result: ImportResult } | { ok: false; error: string; columns?: string[] };

export const MAX_PROBLEMS = 1000;

/**
 * The date a workbook cell holds, as a zone-less local ISO date or date-time ("2026-05-04",
 * "2026-05-04T09:30"), for the row's `column` (an index into the header); null when the cell is not
 * a date, or the file is a CSV (whose dates are only text, in `fields`).
 */
export function rawDate(recipient: Pick<ImportedRecipient, 'dates'>, column: number): string | null {
  return recipient.dates?.[column] ?? null;
}
