// The cells of an Excel sheet's rows, read with indexOf and character codes: a sheet of 100 000 rows
// has half a million cells, and this loop is most of a workbook's import. Nothing is cut out of the
// XML for a cell but the text it shows: attributes are read in place, a shared string is the list's
// own string, and a number is formatted only when its style asks for more than Excel's "General".
import type { SheetRows } from './sheet-rows';
import { formatCellNumber, general, rawDateOf, rawDateOfText } from './xlsx-format';
import { unescapeXml } from './xml-text';

/** A cell style's number format, sorted once by what it makes of a number. */
export interface CellFormat {
  code: string | undefined;
  /** "General" or text ("@"): integers in full, as they are stored. */
  general: boolean;
  /** A date format: the cell keeps its raw date too. */
  date: boolean;
}

export function cellFormat(code: string | undefined): CellFormat {
  const plain = code === undefined || /^(General|@)$/i.test(code.trim());
  // Whether a format shows a day depends on the format alone, not on the number.
  return { code, general: plain, date: !plain && rawDateOf(1, code, false) !== null };
}

const GENERAL: CellFormat = { code: undefined, general: true, date: false };

/** What a sheet's cells are read against: its shared strings, styles and date system. */
export interface SheetContext {
  shared: readonly string[];
  formats: readonly CellFormat[];
  date1904: boolean;
}

// Cell types (the t attribute), by what the reader does with the value.
const NUMBER = 0;
const SHARED = 1;
const TEXT = 2; // str, e
const DATE = 3; // d: an ISO date written as text
const BOOLEAN = 4;
const INLINE = 5;

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
/** Whether the character after a tag's name ends the name (so "<c" is a cell and "<cols" is not). */
const endsName = (code: number): boolean => isSpace(code) || code === 62 || code === 47;

function typeAt(xml: string, start: number, end: number): number {
  const first = xml.charCodeAt(start);
  const length = end - start;
  if (length === 1) {
    if (first === 115) return SHARED; // s
    if (first === 101) return TEXT; // e
    if (first === 100) return DATE; // d
    if (first === 98) return BOOLEAN; // b
    return NUMBER;
  }
  if (length === 3 && xml.startsWith('str', start)) return TEXT;
  if (length === 9 && xml.startsWith('inlineStr', start)) return INLINE;
  return NUMBER;
}

/** A non-negative integer written at start…end; -1 when something else is there. */
function integerAt(xml: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** 0-based column of a cell reference such as "AB12" at start; -1 without letters. */
function columnAt(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/** A start tag's attributes as read from it; reset for each tag. */
interface Attributes {
  /** 0-based column (cell) or 1-based row number (row); -1 when absent. */
  position: number;
  type: number;
  style: number;
}

/**
 * Reads the attributes of the start tag whose name ends at `from` and that closes at `end` ('>').
 * `row`: the tag is a row's, whose r is its number rather than a cell reference.
 */
function readAttributes(xml: string, from: number, end: number, row: boolean, out: Attributes): void {
  out.position = -1;
  out.type = NUMBER;
  out.style = 0;
  let at = from;
  while (at < end) {
    if (isSpace(xml.charCodeAt(at))) {
      at++;
      continue;
    }
    const equals = xml.indexOf('=', at);
    if (equals < 0 || equals > end) return;
    let nameEnd = equals;
    while (nameEnd > at && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    let open = equals + 1;
    while (isSpace(xml.charCodeAt(open))) open++;
    const quote = xml.charCodeAt(open);
    const close = quote === 34 || quote === 39 ? xml.indexOf(quote === 34 ? '"' : "'", open + 1) : -1;
    if (close < 0 || close > end) return;
    if (nameEnd - at === 1) {
      const name = xml.charCodeAt(at);
      if (name === 114) {
        out.position = row ? integerAt(xml, open + 1, close) : columnAt(xml, open + 1, close);
      } else if (name === 116) out.type = typeAt(xml, open + 1, close);
      else if (name === 115) out.style = Math.max(0, integerAt(xml, open + 1, close));
    }
    at = close + 1;
  }
}

/** Text of every <t> in `xml`, skipping phonetic guides (<rPh>) that Excel never shows in the cell. */
export function stringItemText(xml: string): string {
  // Most strings are one plain run: <t>…</t> or <t xml:space="preserve">…</t>.
  if (xml.charCodeAt(0) === 60 && xml.charCodeAt(1) === 116 && xml.endsWith('</t>')) {
    const open = xml.indexOf('>');
    const body = open >= 2 && endsName(xml.charCodeAt(2)) ? xml.slice(open + 1, -4) : '<';
    if (body.indexOf('<') < 0 && xml.charCodeAt(open - 1) !== 47) return unescapeXml(body);
  }
  let out = '';
  const clean = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** The text a number shows in its format, and its raw date when the format is a date's. */
function numberCell(
  xml: string,
  start: number,
  end: number,
  format: CellFormat,
  context: SheetContext,
  rows: SheetRows,
  column: number | undefined,
): void {
  if (format.general) {
    // A whole number as stored ("37251234567") is already the text Excel shows for it.
    const first = xml.charCodeAt(start);
    if (integerAt(xml, start, end) >= 0 && (first !== 48 || end - start === 1)) {
      rows.cell(xml.slice(start, end), null, column);
      return;
    }
  }
  const raw = xml.slice(start, end);
  const n = Number(raw);
  if (!Number.isFinite(n)) rows.cell(unescapeXml(raw), null, column);
  else if (format.general) rows.cell(general(n), null, column);
  else {
    const date = format.date ? rawDateOf(n, format.code, context.date1904) : null;
    rows.cell(formatCellNumber(n, format.code, context.date1904), date, column);
  }
}

/** Reads the cell whose tag starts at `start` into `rows`; returns where reading goes on, -1 at a cut. */
function readCell(
  xml: string,
  start: number,
  rows: SheetRows,
  context: SheetContext,
  tag: Attributes,
): number {
  const end = xml.indexOf('>', start);
  if (end < 0) return -1;
  readAttributes(xml, start + 2, end, false, tag);
  const column = tag.position >= 0 ? tag.position : undefined;
  if (xml.charCodeAt(end - 1) === 47) {
    rows.cell('', null, column);
    return end + 1;
  }
  const close = xml.indexOf('</c>', end);
  if (close < 0) return -1;
  if (tag.type === INLINE) {
    const inner = xml.slice(end + 1, close);
    const is = inner.indexOf('<is>');
    const isEnd = inner.lastIndexOf('</is>');
    rows.cell(stringItemText(is >= 0 && isEnd > is ? inner.slice(is + 4, isEnd) : inner), null, column);
    return close + 4;
  }
  const open = xml.indexOf('<v>', end);
  const valueEnd = open < 0 || open > close ? -1 : xml.indexOf('</v>', open);
  if (valueEnd < 0 || valueEnd > close) {
    rows.cell('', null, column);
    return close + 4;
  }
  const from = open + 3;
  switch (tag.type) {
    case SHARED:
      rows.cell(context.shared[integerAt(xml, from, valueEnd)] ?? '', null, column);
      break;
    case BOOLEAN:
      rows.cell(valueEnd - from === 1 && xml.charCodeAt(from) === 49 ? 'TRUE' : 'FALSE', null, column);
      break;
    case TEXT:
      rows.cell(unescapeXml(xml.slice(from, valueEnd)), null, column);
      break;
    case DATE: {
      const text = unescapeXml(xml.slice(from, valueEnd));
      rows.cell(text, rawDateOfText(text), column);
      break;
    }
    default:
      numberCell(xml, from, valueEnd, context.formats[tag.style] ?? GENERAL, context, rows, column);
  }
  return close + 4;
}

/** The rows and cells of whole <row> elements in `xml`, handed to `rows` in order. */
export function readSheetRows(xml: string, rows: SheetRows, context: SheetContext): void {
  const tag: Attributes = { position: -1, type: NUMBER, style: 0 };
  let at = 0;
  for (;;) {
    at = xml.indexOf('<', at);
    if (at < 0) return;
    const first = xml.charCodeAt(at + 1);
    if (first === 99 && endsName(xml.charCodeAt(at + 2))) {
      at = readCell(xml, at, rows, context, tag);
      if (at < 0) return;
    } else if (first === 114 && xml.startsWith('row', at + 1) && endsName(xml.charCodeAt(at + 4))) {
      const end = xml.indexOf('>', at);
      if (end < 0) return;
      readAttributes(xml, at + 4, end, true, tag);
      rows.start(Math.max(0, tag.position));
      at = end + 1;
    } else at++;
  }
}
