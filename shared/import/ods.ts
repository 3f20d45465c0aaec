// OpenDocument spreadsheets (.ods, from LibreOffice, Google Sheets, Numbers) in: every sheet is in one
// part, content.xml, read piece by piece like an Excel sheet. A cell's text is the text the program
// shows (<text:p>), so numbers and dates come out as formatted; a date cell keeps its raw value too.
import { SheetRows, noSheet, type SheetRead, type SheetSink } from './sheet-rows';
import { rawDateOfText } from './xlsx-format';
import { attribute, plainAttribute, unescapeXml, XmlPieces } from './xml-text';
import type { ZipArchive, ZipEntry } from './zip';

/** Whether the archive says it is a spreadsheet (an OpenDocument text or drawing is not). */
export function isOds(zip: ZipArchive): boolean {
  const mimetype = zip.parts.get('mimetype');
  if (!mimetype) return true;
  return new TextDecoder().decode(zip.read(mimetype)).includes('opendocument.spreadsheet');
}

const TOKEN =
  /<table:table(?=[\s>])([^>]*)>|<\/table:table>|<table:table-row\b([^>]*?)(\/?)>|<\/table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;
const TABLE = /<table:table(?=[\s>])([^>]*)>/g;
/** A spreadsheet has at most 16 384 columns: a longer repeat of a value is not a list of customers. */
const MAX_REPEAT_COLUMNS = 16_384;

/** The text a cell shows: its paragraphs on lines of their own, spaces and tabs as written. */
const PLAIN = /^<text:p>([^<]*)<\/text:p>$/;

function cellText(inner: string): string {
  if (inner === '') return '';
  // Most cells hold one plain paragraph.
  const plain = PLAIN.exec(inner);
  if (plain) return unescapeXml(plain[1] ?? '');
  const paragraphs: string[] = [];
  const clean = inner.includes('<office:annotation')
    ? inner.replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, '')
    : inner;
  for (const m of clean.matchAll(/<text:(?:p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:(?:p|h)>)/g)) {
    const body = (m[1] ?? '')
      .replace(/<text:s\b([^>]*)\/>/g, (_, a: string) => ' '.repeat(Number(attribute(a, 'text:c') ?? 1)))
      .replace(/<text:tab\b[^>]*\/>/g, '\t')
      .replace(/<text:line-break\b[^>]*\/>/g, '\n')
      .replace(/<[^>]+>/g, '');
    paragraphs.push(unescapeXml(body));
  }
  return paragraphs.join('\n');
}

interface OdsCell {
  column: number;
  text: string;
  date: string | null;
}

/** Reads the sheet named `sheetName` (the first when absent) of content.xml into `sink`. */
export function readOds(
  zip: ZipArchive,
  content: ZipEntry,
  fileName: string,
  sheetName: string | undefined,
  sink: SheetSink,
): SheetRead {
  const wanted = sheetName?.trim().toLowerCase();
  const names: string[] = [];
  const rows = new SheetRows(sink);
  const pieces = new XmlPieces('</table:table-row>');
  let chosen: string | null = null;
  let reading = false;
  let stopped = false;
  let cells: OdsCell[] = [];
  let column = 0;
  let repeatRows = 1;

  const endRow = (): void => {
    if (cells.length === 0) {
      rows.start();
      rows.advance(repeatRows);
    }
    for (let i = 0; i < (cells.length === 0 ? 0 : repeatRows); i++) {
      rows.start();
      for (const cell of cells) rows.cell(cell.text, cell.date, cell.column);
    }
    cells = [];
  };

  zip.stream(content, (data, last, fraction) => {
    const xml = pieces.push(data, last);
    // Once the sheet is read, only the other sheets' names are wanted.
    if (chosen !== null && !reading) {
      for (const m of xml.matchAll(TABLE)) names.push(attribute(m[1] ?? '', 'table:name') ?? '');
      return true;
    }
    for (const m of xml.matchAll(TOKEN)) {
      const [token, tableAttributes, rowAttributes, selfClosing, cellAttributes, inner] = m;
      if (tableAttributes !== undefined) {
        const name = attribute(tableAttributes, 'table:name') ?? '';
        names.push(name);
        reading = chosen === null && (wanted === undefined || name.toLowerCase() === wanted);
        if (reading) chosen = name;
      } else if (token === '</table:table>') {
        if (reading) rows.end();
        reading = false;
      } else if (!reading) continue;
      else if (rowAttributes !== undefined) {
        repeatRows = Number(plainAttribute(rowAttributes, 'table:number-rows-repeated') ?? 1);
        column = 0;
        cells = [];
        if (selfClosing === '/') endRow();
      } else if (token === '</table:table-row>') endRow();
      else if (cellAttributes !== undefined) {
        const repeat = Number(plainAttribute(cellAttributes, 'table:number-columns-repeated') ?? 1);
        const rawDate = plainAttribute(cellAttributes, 'office:date-value');
        const date = rawDate === undefined ? null : rawDateOfText(rawDate);
        let text = cellText(inner ?? '');
        if (text === '') text = plainAttribute(cellAttributes, 'office:value') ?? rawDate ?? '';
        if (text !== '' || date !== null) {
          for (let i = 0; i < Math.min(repeat, MAX_REPEAT_COLUMNS); i++) {
            cells.push({ column: column + i, text, date });
          }
        }
        column += repeat;
      }
    }
    if (last) rows.end();
    if (!rows.flush(fraction)) stopped = true;
    return !stopped;
  });
  if (stopped) return { ok: true, sheets: names, sheet: chosen ?? '' };
  if (chosen === null) return noSheet(fileName, sheetName, names);
  return { ok: true, sheets: names, sheet: chosen };
}
