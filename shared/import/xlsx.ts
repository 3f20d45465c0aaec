// Excel workbooks (.xlsx) in: one sheet becomes CSV text that the importer reads like any other file,
// so that a workbook passes the same detection, rules and problems as a CSV export. Only the parts
// needed are unzipped (the workbook, its sheet list, shared strings, number formats, one sheet), and
// cells come out as Excel shows them (see xlsx-format.ts).
import { unzipSync } from 'fflate';
import { builtInFormat, formatCellNumber, rawDateOf, rawDateOfText } from './xlsx-format';

/** Per spreadsheet row (1-based), the raw dates of its date cells by 0-based column; null elsewhere. */
export type SheetDates = Map<number, (string | null)[]>;

export type WorkbookOutcome =
  | { ok: true; csv: string; dates: SheetDates; sheets: string[]; sheet: string }
  | { ok: false; error: string };

/** Sheets larger than this, unzipped, are refused: a string cannot hold much more. */
const MAX_SHEET_BYTES = 400 * 1024 * 1024;

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

const decoder = new TextDecoder();

function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const match = pattern.exec(attributes);
  return match ? unescapeXml(match[1] ?? '') : undefined;
}

/** Text of every <t> in `xml`, skipping phonetic guides (<rPh>) that Excel never shows in the cell. */
function texts(xml: string): string {
  let out = '';
  const clean = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** 0-based column of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

function csvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

interface Styles {
  /** Format code per cell style index (cellXfs), undefined = General. */
  formats: (string | undefined)[];
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId'));
    const code = attribute(m[1] ?? '', 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const formats = [...xfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    return custom.get(id) ?? builtInFormat(id);
  });
  return { formats };
}

/**
 * The sheet named `sheetName` (the first when absent) of the workbook in `bytes`, as CSV text with a
 * line per spreadsheet row (empty lines where the sheet has none, so row numbers stay Excel's).
 */
export function workbookToCsv(bytes: Uint8Array, fileName: string, sheetName?: string): WorkbookOutcome {
  const name = `"${fileName}"`;
  let parts: Record<string, Uint8Array>;
  const wanted = (path: string) =>
    path === 'xl/workbook.xml' ||
    path === 'xl/_rels/workbook.xml.rels' ||
    path === 'xl/sharedStrings.xml' ||
    path === 'xl/styles.xml' ||
    path === 'content.xml';
  try {
    parts = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    return {
      ok: false,
      error: `${name} is a damaged or unreadable ZIP file: open it in Excel and save it again.`,
    };
  }
  if (parts['content.xml'] && !parts['xl/workbook.xml']) {
    return {
      ok: false,
      error: `${name} is an OpenDocument spreadsheet (.ods): save it as an Excel workbook (.xlsx) or as "CSV UTF-8" and choose that file.`,
    };
  }
  const workbook = parts['xl/workbook.xml'];
  if (!workbook) {
    return { ok: false, error: `${name} is a ZIP archive, not an Excel workbook or a CSV file.` };
  }
  const workbookXml = decoder.decode(workbook);
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml);
  const rels = decoder.decode(parts['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1] ?? '', 'Id');
    const target = attribute(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: attribute(m[1] ?? '', 'name') ?? '',
    path: targets.get(attribute(m[1] ?? '', 'r:id') ?? '') ?? '',
  }));
  const names = sheets.map((s) => s.name);
  const chosen =
    sheetName === undefined
      ? sheets[0]
      : sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase());
  if (!chosen) {
    return sheetName === undefined
      ? { ok: false, error: `${name} has no sheets.` }
      : {
          ok: false,
          error: `${name} has no sheet named "${sheetName}": its sheets are ${names.map((n) => `"${n}"`).join(', ')}.`,
        };
  }
  let sheetBytes: Uint8Array | undefined;
  let tooLarge = false;
  try {
    sheetBytes = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== chosen.path) return false;
        tooLarge = file.originalSize > MAX_SHEET_BYTES;
        return !tooLarge;
      },
    })[chosen.path];
  } catch {
    return { ok: false, error: `${name} is damaged: the sheet "${chosen.name}" cannot be read.` };
  }
  if (tooLarge) {
    return {
      ok: false,
      error: `${name}: the sheet "${chosen.name}" is too large to import; save it as CSV.`,
    };
  }
  if (!sheetBytes) return { ok: false, error: `${name} is damaged: the sheet "${chosen.name}" is missing.` };
  const shared = sharedStrings(parts['xl/sharedStrings.xml']);
  const styles = readStyles(parts['xl/styles.xml'] && decoder.decode(parts['xl/styles.xml']));
  const { csv, dates } = sheetToCsv(decoder.decode(sheetBytes), shared, styles, date1904);
  return { ok: true, csv, dates, sheets: names, sheet: chosen.name };
}

function sharedStrings(bytes: Uint8Array | undefined): string[] {
  if (!bytes) return [];
  const xml = decoder.decode(bytes);
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => texts(m[1] ?? ''));
}

const SHEET_TOKEN = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function sheetToCsv(
  xml: string,
  shared: readonly string[],
  styles: Styles,
  date1904: boolean,
): { csv: string; dates: SheetDates } {
  const lines: string[] = [];
  const dates: SheetDates = new Map();
  const cell: Cell = { text: '', date: null };
  let row: string[] = [];
  let rowNumber = 0;
  let inRow = false;
  const flush = () => {
    if (inRow) lines.push(row.map(csvValue).join(','));
    row = [];
  };
  for (const m of xml.matchAll(SHEET_TOKEN)) {
    if (m[1] !== undefined) {
      flush();
      const r = Number(attribute(m[1], 'r') ?? rowNumber + 1);
      // Rows the sheet leaves out are empty lines, so that row numbers stay those Excel shows.
      while (lines.length < r - 1) lines.push('');
      rowNumber = r;
      inRow = m[2] !== '/';
      if (!inRow) lines.push('');
      continue;
    }
    const attributes = m[3] ?? '';
    const ref = attribute(attributes, 'r');
    const column = ref ? columnOf(ref) : row.length;
    while (row.length < column) row.push('');
    readCell(cell, attributes, m[4] ?? '', shared, styles, date1904);
    row[column] = cell.text;
    if (cell.date !== null) {
      let rowDates = dates.get(rowNumber);
      if (!rowDates) dates.set(rowNumber, (rowDates = []));
      while (rowDates.length < column) rowDates.push(null);
      rowDates[column] = cell.date;
    }
  }
  flush();
  return { csv: lines.join('\r\n'), dates };
}

/** One cell as read: the text Excel shows, and its raw date when it is a date. */
interface Cell {
  text: string;
  date: string | null;
}

function readCell(
  cell: Cell,
  attributes: string,
  inner: string,
  shared: readonly string[],
  styles: Styles,
  date1904: boolean,
): void {
  cell.date = null;
  cell.text = '';
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') {
    cell.text = texts(inner);
    return;
  }
  const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (raw === undefined) return;
  if (type === 's') cell.text = shared[Number(raw)] ?? '';
  else if (type === 'str' || type === 'e') cell.text = unescapeXml(raw);
  else if (type === 'd') {
    cell.text = unescapeXml(raw);
    cell.date = rawDateOfText(cell.text);
  } else if (type === 'b') cell.text = raw === '1' ? 'TRUE' : 'FALSE';
  else {
    const n = Number(raw);
    if (!Number.isFinite(n)) {
      cell.text = unescapeXml(raw);
      return;
    }
    const format = styles.formats[Number(attribute(attributes, 's') ?? 0)];
    cell.text = formatCellNumber(n, format, date1904);
    cell.date = rawDateOf(n, format, date1904);
  }
}
