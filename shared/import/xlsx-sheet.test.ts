import { describe, expect, it } from 'vitest';
import { SheetRows, type SheetRecord } from './sheet-rows';
import { cellFormat, readSheetRows, stringItemText, type SheetContext } from './xlsx-sheet';

/** The records and dates that `xml` (whole rows) gives, read in one piece or cut at every row. */
function read(xml: string, context: Partial<SheetContext> = {}) {
  const records: SheetRecord[] = [];
  const dates: [number, number, string][] = [];
  const rows = new SheetRows({
    rows: (more) => (records.push(...more), true),
    date: (row, column, iso) => dates.push([row, column, iso]),
  });
  const full: SheetContext = { shared: [], formats: [], date1904: false, ...context };
  readSheetRows(xml, rows, full);
  rows.end();
  rows.flush(1);
  return { records: records.map((r) => [r.row, r.cells]), dates };
}

describe('readSheetRows: the cells of an Excel sheet', () => {
  it('reads each cell type as Excel shows it', () => {
    const xml =
      '<cols><col min="1" max="2"/></cols><row r="2" spans="1:8">' +
      '<c r="A2" t="s"><v>1</v></c>' +
      '<c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c>' +
      '<c r="D2" t="e"><v>#N/A</v></c>' +
      '<c r="E2" t="str"><f>A1&amp;"x"</f><v>Tom &amp; Jerry</v></c>' +
      '<c r="F2" t="inlineStr"><is><r><t>Jüri </t></r><r><rPr><b/></rPr><t>Õun</t></r></is></c>' +
      '<c r="G2" t="d"><v>2026-05-04T09:30:00</v></c>' +
      '<c r="H2"><v>37251234567</v></c></row>';
    expect(read(xml, { shared: ['zero', 'one'] })).toEqual({
      records: [
        [
          2,
          ['one', 'TRUE', 'FALSE', '#N/A', 'Tom & Jerry', 'Jüri Õun', '2026-05-04T09:30:00', '37251234567'],
        ],
      ],
      dates: [[2, 6, '2026-05-04T09:30']],
    });
  });

  it('writes numbers as General does unless the style formats them, dates with their raw value', () => {
    const formats = [
      cellFormat(undefined),
      cellFormat('dd\\.mm\\.yyyy'),
      cellFormat('00000'),
      cellFormat('@'),
    ];
    const xml =
      '<row r="1"><c r="A1"><v>007</v></c><c r="B1"><v>-3</v></c><c r="C1"><v>0.30000000000000004</v></c>' +
      '<c r="D1"><v>3.7251234567E+10</v></c><c r="E1" s="1"><v>45292</v></c><c r="F1" s="2"><v>501</v></c>' +
      '<c r="G1" s="3"><v>12</v></c><c r="H1" s="9"><v>0</v></c><c r="I1"><v>x1</v></c></row>';
    expect(read(xml, { formats })).toEqual({
      records: [[1, ['7', '-3', '0.3', '37251234567', '01.01.2024', '00501', '12', '0', 'x1']]],
      dates: [[1, 4, '2024-01-01']],
    });
  });

  it('places cells by their reference, and in order where a sheet leaves the reference out', () => {
    const xml =
      '<row r="3"><c r="B3" t="s"><v>0</v></c><c r="D3"/><c t="s"><v>0</v></c></row>' +
      '<row><c t="s"><v>0</v></c><c r="AA4"><v>5</v></c></row>' +
      "<row\tr='9'\n><c\ns = '0'\tr='C9'\n  t='s'><v>0</v></c></row>";
    const { records } = read(xml, { shared: ['a'] });
    expect(records.slice(0, 1)).toEqual([[3, ['', 'a', '', '', 'a']]]);
    const wide = records[1]?.[1] as string[];
    expect([records[1]?.[0], wide[0], wide[26], wide.length]).toEqual([4, 'a', '5', 27]);
    expect(records[2]).toEqual([9, ['', '', 'a']]);
  });

  it('stops at a cell cut off at the end of the text, keeping the rows before it', () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>';
    expect(read(xml).records).toEqual([[1, ['1']]]);
  });
});

describe('stringItemText: a shared or inline string', () => {
  it.each([
    ['<t>plain</t>', 'plain'],
    ['<t xml:space="preserve"> spaced &lt;b&gt; </t>', ' spaced <b> '],
    ['<t/>', ''],
    ['<r><t>Дмитрий </t></r><r><t>Иванов</t></r>', 'Дмитрий Иванов'],
    ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>', '東京'],
    ['<t>line_x000D_break</t>', 'line\rbreak'],
  ])('%s → %s', (xml, text) => {
    expect(stringItemText(xml)).toBe(text);
  });
});
