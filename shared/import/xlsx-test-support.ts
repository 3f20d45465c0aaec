// Tests only: a real .xlsx file (a ZIP of SpreadsheetML parts, as Excel writes it) built from rows.
import { strToU8, zipSync } from 'fflate';

export type TestCell =
  | string
  | number
  | { n: number; style: number }
  | { inline: string }
  | { rich: string[] }
  | { iso: string }
  | null;

export interface TestSheet {
  name: string;
  /** Keyed by the 1-based spreadsheet row; rows left out are absent from the sheet, as Excel does. */
  rows: Map<number, TestCell[]>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + column(i % 26);

/**
 * Style 1: "dd.mm.yyyy"; 2: built-in 14 (a locale date); 3: "00000"; 4: "0"; 5: "#,##0.00";
 * 6: built-in 22 (a date and time); 7: built-in 20 ("h:mm", a time of day).
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="00000"/></numFmts><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="1" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function buildXlsx(sheets: TestSheet[]): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, s) => {
    let xml = '';
    for (const [r, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
      xml += `<row r="${r}">`;
      cells.forEach((cell, c) => {
        const ref = `${column(c)}${r}`;
        if (cell === null) return;
        if (typeof cell === 'string') {
          let index = sharedIndex.get(cell);
          if (index === undefined) {
            index = shared.push(`<t xml:space="preserve">${escape(cell)}</t>`) - 1;
            sharedIndex.set(cell, index);
          }
          xml += `<c r="${ref}" t="s"><v>${index}</v></c>`;
        } else if (typeof cell === 'number') xml += `<c r="${ref}"><v>${cell}</v></c>`;
        else if ('n' in cell) xml += `<c r="${ref}" s="${cell.style}"><v>${cell.n}</v></c>`;
        else if ('iso' in cell) xml += `<c r="${ref}" t="d"><v>${cell.iso}</v></c>`;
        else if ('inline' in cell)
          xml += `<c r="${ref}" t="inlineStr"><is><t>${escape(cell.inline)}</t></is></c>`;
        else {
          const index =
            shared.push(cell.rich.map((t) => `<r><rPr><b/></rPr><t>${escape(t)}</t></r>`).join('')) - 1;
          xml += `<c r="${ref}" t="s"><v>${index}</v></c>`;
        }
      });
      xml += '</row>';
    }
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="20"/></cols><sheetData>${xml}</sheetData></worksheet>`,
    );
  });
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared
      .map((si) => `<si>${si}</si>`)
      .join('')}</sst>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES);
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return zipSync(files);
}
