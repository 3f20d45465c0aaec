// Tests and benchmarks only: a minimal .ods file (a ZIP with the mimetype first and stored, then
// content.xml), as LibreOffice writes one, built from table XML or from rows of text.
import { strToU8, zipSync } from 'fflate';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

export function buildOds(
  tables: string,
  mimetype = 'application/vnd.oasis.opendocument.spreadsheet',
): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}<table:named-expressions/></office:spreadsheet></office:body></office:document-content>`,
    ),
    'META-INF/manifest.xml': strToU8('<manifest/>'),
  });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One sheet of rows: a number cell (float) for a number, a text cell for text. */
export function odsOfRows(name: string, rows: readonly (readonly (string | number)[])[]): Uint8Array {
  let xml = `<table:table table:name="${escape(name)}">`;
  for (const row of rows) {
    xml += '<table:table-row>';
    for (const cell of row) {
      xml +=
        typeof cell === 'number'
          ? `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`
          : `<table:table-cell office:value-type="string"><text:p>${escape(cell)}</text:p></table:table-cell>`;
    }
    xml += '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>';
  }
  xml +=
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>';
  return buildOds(xml);
}
