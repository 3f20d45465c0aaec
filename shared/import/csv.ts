// CSV output (rejected rows, reports, CLI): RFC 4180 quoting, CRLF line ends, and formula
// neutralising so a cell like "=HYPERLINK(…)" from an imported file cannot run when opened in Excel.
import type { ImportResult } from './model';

const NEEDS_QUOTES = /[",\r\n;\t]/;

/** The delimiters an export can use: what Excel reads in comma and semicolon locales, and tab. */
export const EXPORT_DELIMITERS = [',', ';', '\t'] as const;
export type ExportDelimiter = (typeof EXPORT_DELIMITERS)[number];

/** The export delimiter for a file read with `delimiter` (a pipe file gets commas). */
export function exportDelimiterFor(delimiter: string): ExportDelimiter {
  return delimiter === ';' || delimiter === '\t' ? delimiter : ',';
}
// Plain data that starts like a formula but is not one: phone numbers as people write them
// (+372 5123-4567, +44 (0)20 7946 0958) and signed decimals. Without letters, quotes or another
// operator there is nothing a spreadsheet could call or fetch; escaping them would corrupt the
// numbers the operator exported.
const PLAIN_PLUS = /^\+[\d ().-]*\d[\d ().-]*$/;
const PLAIN_NUMBER = /^-\d+(?:[.,]\d+)?$/;
const FULL_WIDTH = new Set([0xff1d, 0xff0b, 0xff0d, 0xff20]);

/**
 * One field. A value starting with =, +, -, @, tab or CR gets a leading apostrophe (OWASP "CSV
 * injection"), except "+" followed only by digits, spaces, brackets, dots and dashes (+372 5123-4567) and "-" followed by a plain number
 * (-12.5). Quoted when it holds a quote, comma, semicolon (for Excel in semicolon locales) or line break.
 */
export function csvField(value: string): string {
  let safe = value;
  const first = value.charCodeAt(0);
  // Full-width ＝ ＋ － ＠ too: some spreadsheets fold them to their ASCII forms before reading a formula.
  if (first === 0x3d || first === 0x40 || first === 0x09 || first === 0x0d || FULL_WIDTH.has(first))
    safe = `'${value}`;
  else if (first === 0x2b && !PLAIN_PLUS.test(value)) safe = `'${value}`;
  else if (first === 0x2d && !PLAIN_NUMBER.test(value)) safe = `'${value}`;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, ending with CRLF. */
export function csvLine(values: readonly string[], delimiter: ExportDelimiter = ','): string {
  return values.map(csvField).join(delimiter) + '\r\n';
}

/**
 * The rows that will not be sent, with every original column plus `row` (as the spreadsheet shows
 * it, so the operator can find it in the original file) and `reason`.
 */
export function rejectedRowsCsv(
  result: ImportResult,
  delimiter: ExportDelimiter = exportDelimiterFor(result.delimiter),
): string {
  const lines = [csvLine([...result.header, 'row', 'reason'], delimiter)];
  for (const recipient of result.recipients) {
    if (recipient.status === 'ok') continue;
    lines.push(
      csvLine(
        [...recipient.fields, String(recipient.row + result.headerRow), recipient.reason ?? ''],
        delimiter,
      ),
    );
  }
  return lines.join('');
}
