// Excel workbooks (.xlsx) in: one sheet becomes rows that the record importer reads, so that a
// workbook passes the same detection, rules and problems as a CSV export. The small parts
// (sheet list, shared strings, number formats) are read first; the sheet itself is inflated and read
// piece by piece, row by row (xlsx-sheet.ts). Cells come out as Excel shows them (xlsx-format.ts).
import { builtInFormat } from './xlsx-format';
import { SheetRows, noSheet, type SheetRead, type SheetSink } from './sheet-rows';
import { cellFormat, readSheetRows, stringItemText, type CellFormat, type SheetContext } from './xlsx-sheet';
import { attribute, XmlPieces } from './xml-text';
import type { ZipArchive, ZipEntry } from './zip';

const decoder = new TextDecoder();

/** Number format per cell style index (cellXfs). */
function readFormats(xml: string | undefined): CellFormat[] {
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
    return cellFormat(custom.get(id) ?? builtInFormat(id));
  });
}

/** The shared strings, read piece by piece: a list of many names need not be one string either. */
function sharedStrings(zip: ZipArchive, entry: ZipEntry | undefined): string[] {
  const out: string[] = [];
  if (!entry) return out;
  const pieces = new XmlPieces('</si>');
  zip.stream(entry, (data, last) => {
    const xml = pieces.push(data, last);
    for (let at = xml.indexOf('<si'); at >= 0; at = xml.indexOf('<si', at)) {
      const end = xml.indexOf('>', at);
      if (end < 0) break;
      const name = xml.charCodeAt(at + 3);
      if (name !== 62 && name !== 47 && name !== 32) {
        at = end;
        continue;
      }
      if (xml.charCodeAt(end - 1) === 47) {
        out.push('');
        at = end;
        continue;
      }
      const close = xml.indexOf('</si>', end);
      if (close < 0) break;
      out.push(stringItemText(xml.slice(end + 1, close)));
      at = close + 5;
    }
    return true;
  });
  return out;
}

interface Sheet {
  name: string;
  path: string;
}

/** The workbook's sheets in order, with the part each is stored in. */
function sheetList(zip: ZipArchive, workbookXml: string): Sheet[] {
  const relsEntry = zip.parts.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? decoder.decode(zip.read(relsEntry)) : '';
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

/** The sheet named `sheetName` (case and surrounding spaces ignored), the first when absent. */
function pick(sheets: readonly Sheet[], sheetName: string | undefined): Sheet | undefined {
  if (sheetName === undefined) return sheets[0];
  return sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase());
}

/** The part holding the sheet `sheetName` would read (the first when absent), if there is one. */
export function xlsxSheetPart(zip: ZipArchive, sheetName: string | undefined): string | undefined {
  const workbook = zip.parts.get('xl/workbook.xml');
  if (!workbook) return undefined;
  return pick(sheetList(zip, decoder.decode(zip.read(workbook))), sheetName)?.path;
}

/** Reads the sheet named `sheetName` (the first when absent) into `sink`. Throws ZipDamaged. */
export function readXlsx(
  zip: ZipArchive,
  workbook: ZipEntry,
  fileName: string,
  sheetName: string | undefined,
  sink: SheetSink,
): SheetRead {
  const name = `"${fileName}"`;
  const workbookXml = decoder.decode(zip.read(workbook));
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml);
  const sheets = sheetList(zip, workbookXml);
  const names = sheets.map((s) => s.name);
  const chosen = pick(sheets, sheetName);
  if (!chosen) return noSheet(fileName, sheetName, names);
  const sheetEntry = zip.parts.get(chosen.path);
  if (!sheetEntry) return { ok: false, error: `${name} is damaged: the sheet "${chosen.name}" is missing.` };
  const stylesEntry = zip.parts.get('xl/styles.xml');
  const formats = readFormats(stylesEntry && decoder.decode(zip.read(stylesEntry)));
  const shared = sharedStrings(zip, zip.parts.get('xl/sharedStrings.xml'));
  const rows = new SheetRows(sink);
  const context: SheetContext = { shared, formats, date1904 };
  const pieces = new XmlPieces('</row>');
  let done = false;
  zip.stream(sheetEntry, (data, last, fraction) => {
    let xml = pieces.push(data, last);
    // Past the cells: what follows (merged cells, links, conditional formats) holds no rows. It can
    // only follow the last row, so the search starts there rather than at the top of the piece.
    const end = xml.indexOf('</sheetData>', Math.max(0, xml.lastIndexOf('</row>')));
    if (end >= 0) {
      xml = xml.slice(0, end);
      done = true;
    }
    readSheetRows(xml, rows, context);
    if (done || last) rows.end();
    return rows.flush(fraction) && !done;
  });
  return { ok: true, sheets: names, sheet: chosen.name };
}
