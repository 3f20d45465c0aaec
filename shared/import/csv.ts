// CSV output (rejected rows, reports, CLI): RFC 4180 quoting, CRLF line ends, and formula
// neutralising so a cell like "=HYPERLINK(…)" from an imported file cannot run when opened in Excel.
import type { ImportResult } from './model';

const NEEDS_QUOTES = /[",\r\n;]/;
// Plain data that starts like a formula but is not one: E.164 numbers and signed decimals. Escaping
// them would corrupt phone numbers and amounts, and Excel treats them as values anyway.
const PLAIN_PLUS = /^\+\d+$/;
const PLAIN_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * One field. A value starting with =, +, -, @, tab or CR gets a leading apostrophe (OWASP "CSV
 * injection"), except "+" followed only by digits (+37251234567) and "-" followed by a plain number
 * (-12.5). Quoted when it holds a quote, comma, semicolon (for Excel in semicolon locales) or line break.
 */
export function csvField(value: string): string {
  let safe = value;
  const first = value.charCodeAt(0);
  if (first === 0x3d || first === 0x40 || first === 0x09 || first === 0x0d) safe = `'${value}`;
  else if (first === 0x2b && !PLAIN_PLUS.test(value)) safe = `'${value}`;
  else if (first === 0x2d && !PLAIN_NUMBER.test(value)) safe = `'${value}`;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, ending with CRLF. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * The rows that will not be sent, with every original column plus `row` (as the spreadsheet shows
 * it, so the operator can find it in the original file) and `reason`.
 */
export function rejectedRowsCsv(result: ImportResult): string {
  const lines = [csvLine([...result.header, 'row', 'reason'])];
  for (const recipient of result.recipients) {
    if (recipient.status === 'ok') continue;
    lines.push(
      csvLine([...recipient.fields, String(recipient.row + result.headerRow), recipient.reason ?? '']),
    );
  }
  return lines.join('');
}
