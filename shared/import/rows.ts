// Turns parsed records into recipients: fits ragged rows to the header, normalises the phone cell,
// marks opted-out and duplicate numbers, and keeps the counts and problems for the import report.
import type { ImportedRecipient } from '../types';
import type { CsvEncoding } from './decode';
import { MAX_PROBLEMS, type ImportCounts, type ImportProblem, type ImportResult } from './model';
import { countryFromCell } from './country';
import { countryName, phoneOrReason } from './phone';
import { PhoneIndex } from './phone-index';

export interface RowSetup {
  header: string[];
  headerIssues: string[];
  /** 1-based spreadsheet row of the header. */
  headerRow: number;
  phoneColumn: number;
  candidates: number[];
  country: string;
  optOuts: ReadonlySet<string>;
  /** The file's delimiter: a value holding a line break and then a delimiter is rows run together. */
  delimiter?: string;
  /** Column giving each row's country for national numbers; `country` where empty or unknown. */
  countryColumn?: number | null;
}

export const REASON_OPTED_OUT = 'Opted out';
/** A number written with its country code, which no country column changes. */
const INTERNATIONAL = /^[^\d+]*(?:\+|00|\uff0b)/;

export class RowProcessor {
  private readonly recipients: ImportedRecipient[] = [];
  private readonly problems: ImportProblem[] = [];
  private problemsLeftOut = 0;
  /** E.164 → spreadsheet row of its first occurrence. */
  private readonly seen = new PhoneIndex();
  private readonly counts: ImportCounts = {
    total: 0,
    ok: 0,
    invalid: 0,
    duplicate: 0,
    opted_out: 0,
    blankLinesSkipped: 0,
  };
  private readonly width: number;
  private readonly country: string;
  private readonly countryColumn: number | null;
  /** Country cell → alpha-2 (null: not a country), so that a million rows look up a few values once. */
  private readonly countries = new Map<string, string | null>();

  /** `keep: false` when the caller takes each row as record() returns it (a worker packing rows as it goes). */
  constructor(
    private readonly setup: RowSetup,
    private readonly keep = true,
  ) {
    this.width = setup.header.length;
    this.country = setup.country.toUpperCase();
    this.countryColumn = setup.countryColumn ?? null;
  }

  /** `sheetRow` is the record's 1-based row as a spreadsheet shows it; rows up to the header are skipped. */
  record(values: string[], sheetRow: number): ImportedRecipient | null {
    const { headerRow, phoneColumn } = this.setup;
    if (sheetRow <= headerRow) return null;
    const fields = values;
    let blank = true;
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i] as string;
      const trimmed = value.trim();
      if (trimmed !== value) fields[i] = trimmed;
      if (trimmed !== '') blank = false;
      if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) this.multiline(trimmed, i, sheetRow);
    }
    if (blank) {
      this.counts.blankLinesSkipped++;
      return null;
    }
    if (fields.length !== this.width) this.fit(fields, sheetRow);

    const rawPhone = fields[phoneColumn] ?? '';
    const country = this.countryColumn === null ? this.country : this.rowCountry(fields);
    const phone = phoneOrReason(rawPhone, country);
    const recipient: ImportedRecipient = {
      row: sheetRow - headerRow,
      fields,
      rawPhone,
      to: null,
      status: 'ok',
      reason: null,
    };
    if (typeof phone !== 'string') {
      recipient.status = 'invalid';
      recipient.reason =
        this.countryColumn === null || INTERNATIONAL.test(rawPhone)
          ? phone.reason
          : phone.reason + this.countryNote(fields, country, phone.reason);
    } else {
      recipient.to = phone;
      // One probe: the row kept is this one unless the number was seen before (rows only increase).
      const first = this.seen.setIfAbsent(phone, sheetRow);
      if (this.setup.optOuts.has(phone)) {
        recipient.status = 'opted_out';
        recipient.reason = REASON_OPTED_OUT;
      } else if (first !== sheetRow) {
        recipient.status = 'duplicate';
        recipient.reason = `Same number as row ${first}`;
      }
    }
    this.counts[recipient.status]++;
    this.counts.total++;
    if (this.keep) this.recipients.push(recipient);
    return recipient;
  }

  private rowCountry(fields: readonly string[]): string {
    const cell = fields[this.countryColumn as number] ?? '';
    if (cell === '') return this.country;
    let code = this.countries.get(cell);
    if (code === undefined) {
      code = countryFromCell(cell);
      if (this.countries.size < 10_000) this.countries.set(cell, code);
    }
    return code ?? this.country;
  }

  /** Which country an invalid number was read for, and why, when the file has a country column. */
  private countryNote(fields: readonly string[], used: string, reason: string): string {
    const column = this.setup.header[this.countryColumn as number] ?? '';
    const cell = fields[this.countryColumn as number] ?? '';
    if (cell === '') return ` (read as ${countryName(used)}: the "${column}" column is empty)`;
    if (countryFromCell(cell) === null)
      return ` (read as ${countryName(used)}: "${cell}" in the "${column}" column is not a country Omnicast knows)`;
    const name = countryName(used);
    return reason.includes(name)
      ? ` (country from the "${column}" column)`
      : ` (country from the "${column}" column: ${name})`;
  }

  /** Pads or truncates to the header's width, saying so: a ragged row is kept, never dropped. */
  private fit(fields: string[], sheetRow: number): void {
    const had = fields.length;
    if (had > this.width) {
      const extra = fields.splice(this.width);
      const dropped = extra.filter((v) => v !== '');
      // Trailing empty cells (Excel's ",,,") lose nothing: not worth a problem line.
      if (dropped.length > 0) {
        this.problem(
          sheetRow,
          `Row ${sheetRow} has ${had} values but there are ${this.width} columns: the extra values ${dropped
            .map((v) => `"${v}"`)
            .join(', ')} were left out. A value with the delimiter in it may need quotes.`,
        );
      }
    } else {
      while (fields.length < this.width) fields.push('');
      this.problem(
        sheetRow,
        `Row ${sheetRow} has ${had} values but there are ${this.width} columns: the missing ones were left empty.`,
      );
    }
  }

  /**
   * A value over several lines is fine (an address), but one whose later lines hold the delimiter is
   * more likely the following rows swallowed by a stray quote: one customer's message would carry
   * the others' data.
   */
  private multiline(value: string, column: number, sheetRow: number): void {
    const delimiter = this.setup.delimiter;
    if (delimiter === undefined) return;
    const lines = value.split(/\r\n|\n|\r/);
    if (!lines.slice(1).some((line) => line.includes(delimiter))) return;
    const name = this.setup.header[column] ?? `column ${column + 1}`;
    this.problem(
      sheetRow,
      `Row ${sheetRow}, column "${name}": the value runs over ${lines.length} lines that look like rows of their own, probably after a stray quote. Check the quotes in that row.`,
      name,
    );
  }

  /** The first bytes that were not UTF-8: the whole file was then read as Windows-1252. */
  invalidUtf8(sheetRow: number, column: number): void {
    const { headerRow } = this.setup;
    // A column is named only for a data row: above the header a line (a title, a note) has no columns.
    const name = sheetRow > headerRow ? (this.setup.header[column] ?? `column ${column + 1}`) : null;
    const where =
      name !== null
        ? `Row ${sheetRow}, column "${name}"`
        : sheetRow === headerRow
          ? `Row ${sheetRow} (the header)`
          : `Row ${sheetRow} (above the header)`;
    this.problem(
      sheetRow,
      `${where} has characters that are not valid UTF-8, so the file was read as Windows-1252 (Western European), which may show wrong letters. If they look wrong, save the file as "CSV UTF-8" and import it again.`,
      name,
    );
  }

  unclosedQuote(sheetRow: number): void {
    this.problem(
      sheetRow,
      `A quoted value in row ${sheetRow} is never closed: everything after it was read as one value. Check the quotes in that row.`,
    );
  }

  private problem(row: number, message: string, column: string | null = null): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ row, column, message });
    else this.problemsLeftOut++;
  }

  result(fileName: string, encoding: CsvEncoding, delimiter: string): ImportResult {
    const { header, headerIssues, headerRow, phoneColumn, candidates } = this.setup;
    const problems = [...this.problems];
    if (this.problemsLeftOut > 0) {
      problems.push({
        row: 0,
        column: null,
        message: `… and ${this.problemsLeftOut} more problems like these.`,
      });
    }
    return {
      fileName,
      encoding,
      delimiter,
      headerRow,
      header,
      headerIssues,
      phoneColumn,
      phoneColumnName: header[phoneColumn] ?? '',
      phoneCandidates: candidates,
      countryColumn: this.countryColumn,
      countryColumnName: this.countryColumn === null ? null : (header[this.countryColumn] ?? null),
      recipients: this.recipients,
      counts: { ...this.counts },
      problems,
    };
  }
}
