// Excel workbooks (.xlsx) in: one sheet becomes CSV lines that the importer reads like any other file,
// so that a workbook passes the same detection, rules and problems as a CSV export. The small parts
// (sheet list, shared strings, number formats) are read first; the sheet itself is inflated and read
// piece by piece, row by row. Cells come out as Excel shows them (see xlsx-format.ts).
import { builtInFormat, formatCellNumber, rawDateOf, rawDateOfText } from './xlsx-format';
import { SheetRows, noSheet, type SheetRead, type SheetSink } from './sheet-rows';
import { attribute, plainAttribute, unescapeXml, XmlPieces } from './xml-text';
import { readEntry, streamEntry, type ZipEntry } from './zip';

const decoder = new TextDecoder();

/** Text of every <t> in `xml`, skipping phonetic guides (<rPh>) that Excel never shows in the cell. */
const SINGLE_TEXT = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/;

function texts(xml: string): string {
  // Most strings are one plain run.
  const single = SINGLE_TEXT.exec(xml);
  if (single) return unescapeXml(single[1] ?? '');
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

/** Format code per cell style index (cellXfs), undefined = General. */
function readFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId'));
    const code = attribute(m[1] ?? '', 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    return custom.get(id) ?? builtInFormat(id);
  });
}

/** The shared strings, read piece by piece: a list of many names need not be one string either. */
function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined): string[] {
  const out: string[] = [];
  if (!entry) return out;
  const pieces = new XmlPieces('</si>');
  streamEntry(bytes, entry, (data, last) => {
    for (const m of pieces.push(data, last).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
      out.push(texts(m[1] ?? ''));
    return true;
  });
  return out;
}

interface Sheet {
  name: string;
  path: string;
}

/** The workbook's sheets in order, with the part each is stored in. */
function sheetList(bytes: Uint8Array, parts: Map<string, ZipEntry>, workbookXml: string): Sheet[] {
  const relsEntry = parts.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? decoder.decode(readEntry(bytes, relsEntry)) : '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1] ?? '', 'Id');
    const target = attribute(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: attribute(m[1] ?? '', 'name') ?? '',
    path: targets.get(attribute(m[1] ?? '', 'r:id') ?? '') ?? '',
  }));
}

/** Reads the sheet named `sheetName` (the first when absent) into `sink`. Throws ZipDamaged. */
export function readXlsx(
  bytes: Uint8Array,
  parts: Map<string, ZipEntry>,
  workbook: ZipEntry,
  fileName: string,
  sheetName: string | undefined,
  sink: SheetSink,
): SheetRead {
  const name = `"${fileName}"`;
  const workbookXml = decoder.decode(readEntry(bytes, workbook));
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml);
  const sheets = sheetList(bytes, parts, workbookXml);
  const names = sheets.map((s) => s.name);
  const chosen =
    sheetName === undefined
      ? sheets[0]
      : sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase());
  if (!chosen) return noSheet(fileName, sheetName, names);
  const sheetEntry = parts.get(chosen.path);
  if (!sheetEntry) return { ok: false, error: `${name} is damaged: the sheet "${chosen.name}" is missing.` };
  const stylesEntry = parts.get('xl/styles.xml');
  const formats = readFormats(stylesEntry && decoder.decode(readEntry(bytes, stylesEntry)));
  const shared = sharedStrings(bytes, parts.get('xl/sharedStrings.xml'));
  const rows = new SheetRows(sink);
  const cell: Cell = { text: '', date: null };
  const pieces = new XmlPieces('</row>');
  let done = false;
  streamEntry(bytes, sheetEntry, (data, last, fraction) => {
    let xml = pieces.push(data, last);
    // Past the cells: what follows (merged cells, links, conditional formats) holds no rows.
    const end = xml.indexOf('</sheetData>');
    if (end >= 0) {
      xml = xml.slice(0, end);
      done = true;
    }
    readRows(xml, rows, cell, shared, formats, date1904);
    if (done || last) rows.end();
    return rows.flush(fraction) && !done;
  });
  return { ok: true, sheets: names, sheet: chosen.name };
}

/** Whether the character after a tag's name ends the name (so "<c" is a cell and "<cols" is not). */
const endsName = (code: number): boolean =>
  code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** An attribute of a cell or row start tag; `key` is ' r="' and the like. */
function tagAttribute(tag: string, key: string, name: string): string | undefined {
  const at = tag.indexOf(key);
  if (at >= 0) return tag.slice(at + key.length, tag.indexOf('"', at + key.length));
  // Attributes apart by tabs or line breaks (Excel writes spaces): the general reader.
  return tag.indexOf('\n') >= 0 || tag.indexOf('\t') >= 0 ? plainAttribute(tag, name) : undefined;
}

/**
 * The rows and cells of whole <row> elements, read with indexOf rather than a regular expression:
 * a sheet of a million rows has millions of cells, and this loop is most of a workbook's import.
 */
function readRows(
  xml: string,
  rows: SheetRows,
  cell: Cell,
  shared: readonly string[],
  formats: readonly (string | undefined)[],
  date1904: boolean,
): void {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return;
    const first = xml.charCodeAt(i + 1);
    const isCell = first === 99 && endsName(xml.charCodeAt(i + 2));
    const isRow = !isCell && first === 114 && xml.startsWith('row', i + 1) && endsName(xml.charCodeAt(i + 4));
    if (!isCell && !isRow) {
      i++;
      continue;
    }
    const end = xml.indexOf('>', i);
    if (end < 0) return;
    const tag = xml.slice(i + (isCell ? 2 : 4), end);
    if (isRow) {
      rows.start(Number(tagAttribute(tag, ' r="', 'r') ?? 0));
      i = end + 1;
      continue;
    }
    let inner = '';
    i = end + 1;
    if (xml.charCodeAt(end - 1) !== 47) {
      const close = xml.indexOf('</c>', end);
      if (close < 0) return;
      inner = xml.slice(end + 1, close);
      i = close + 4;
    }
    const ref = tagAttribute(tag, ' r="', 'r');
    readCell(
      cell,
      tagAttribute(tag, ' t="', 't') ?? 'n',
      tagAttribute(tag, ' s="', 's'),
      inner,
      shared,
      formats,
      date1904,
    );
    rows.cell(cell.text, cell.date, ref ? columnOf(ref) : undefined);
  }
}

/** One cell as read: the text Excel shows, and its raw date when it is a date. */
interface Cell {
  text: string;
  date: string | null;
}

function readCell(
  cell: Cell,
  type: string,
  style: string | undefined,
  inner: string,
  shared: readonly string[],
  formats: readonly (string | undefined)[],
  date1904: boolean,
): void {
  cell.date = null;
  cell.text = '';
  if (type === 'inlineStr') {
    cell.text = texts(inner);
    return;
  }
  const open = inner.indexOf('<v>');
  const close = open < 0 ? -1 : inner.indexOf('</v>', open);
  if (close < 0) return;
  const raw = inner.slice(open + 3, close);
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
    const format = formats[Number(style ?? 0)];
    cell.text = formatCellNumber(n, format, date1904);
    cell.date = rawDateOf(n, format, date1904);
  }
}
