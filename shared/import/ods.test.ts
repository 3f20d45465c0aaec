import { describe, expect, it } from 'vitest';
import { buildOds as ods } from './ods-test-support';
import { importRecipients } from './workbook';

const text = (t: string, attributes = 'office:value-type="string"') =>
  `<table:table-cell ${attributes}><text:p>${t}</text:p></table:table-cell>`;
const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
const EMPTY_TAIL = '<table:table-cell table:number-columns-repeated="1019"/>';

const book = ods(
  `<table:table table:name="Kliendid"><table:table-column table:number-columns-repeated="5"/>` +
    row(text('Customers &amp; more')) +
    row(EMPTY_TAIL, ' table:number-rows-repeated="2"') +
    row(text('Nimi') + text('Telefon') + text('Liitunud') + text('Saadetud') + text('Märge') + EMPTY_TAIL) +
    row(
      text('Jüri<text:s text:c="2"/><text:span text:style-name="T1">Õun</text:span>') +
        text('37251234567', 'office:value-type="float" office:value="37251234567"') +
        text('04.05.2026', 'office:value-type="date" office:date-value="2026-05-04"') +
        text('04.05.26 09:30', 'office:value-type="date" office:date-value="2026-05-04T09:30:00"') +
        `<table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation><text:p>line one</text:p><text:p>line two</text:p></table:table-cell>` +
        EMPTY_TAIL,
    ) +
    row(
      text('Дмитрий') +
        '<table:table-cell office:value-type="float" office:value="37251234568"/>' +
        '<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell>' +
        EMPTY_TAIL,
      ' table:number-rows-repeated="2"',
    ) +
    row(EMPTY_TAIL, ' table:number-rows-repeated="1048560"') +
    `</table:table>` +
    `<table:table table:name="Muu">${row(text('phone') + text('name'))}${row(text('+37251000009') + text('Other'))}</table:table>`,
);

describe('importRecipients: OpenDocument spreadsheets (.ods)', () => {
  it('imports the first sheet with the text each cell shows, row numbers as the program shows them, dates raw', () => {
    const outcome = importRecipients(book, { fileName: 'kliendid.ods', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    const r = outcome.result;
    expect([r.sheets, r.sheet, r.headerRow, r.header, r.phoneColumnName]).toEqual([
      ['Kliendid', 'Muu'],
      'Kliendid',
      4,
      ['Nimi', 'Telefon', 'Liitunud', 'Saadetud', 'Märge'],
      'Telefon',
    ]);
    expect(r.recipients.map((x) => [x.row + r.headerRow, x.to, x.status, x.fields, x.dates])).toEqual([
      [
        5,
        '+37251234567',
        'ok',
        ['Jüri  Õun', '37251234567', '04.05.2026', '04.05.26 09:30', 'line one\nline two'],
        [null, null, '2026-05-04', '2026-05-04T09:30', null],
      ],
      [6, '+37251234568', 'ok', ['Дмитрий', '37251234568', 'x', 'x', ''], undefined],
      [7, '+37251234568', 'duplicate', ['Дмитрий', '37251234568', 'x', 'x', ''], undefined],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.counts.blankLinesSkipped).toBe(0);
  });

  it('imports the sheet chosen by name, and names the sheets when it is not there', () => {
    const other = importRecipients(book, { fileName: 'k.ods', defaultCountry: 'EE', sheet: 'MUU' });
    expect(other.ok && [other.result.sheet, other.result.recipients.map((x) => x.to)]).toEqual([
      'Muu',
      ['+37251000009'],
    ]);
    expect(importRecipients(book, { fileName: 'k.ods', defaultCountry: 'EE', sheet: 'Sheet9' })).toEqual({
      ok: false,
      error: '"k.ods" has no sheet named "Sheet9": its sheets are "Kliendid", "Muu".',
    });
  });

  it('refuses an OpenDocument text and an old binary .xls, each with one sentence', () => {
    const odt = ods('', 'application/vnd.oasis.opendocument.text');
    expect(importRecipients(odt, { fileName: 'a.odt', defaultCountry: 'EE' })).toEqual({
      ok: false,
      error: '"a.odt" is a ZIP archive, not a spreadsheet (.xlsx, .ods) or a CSV file.',
    });
    const xls = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    ]);
    expect(importRecipients(xls, { fileName: 'old.xls', defaultCountry: 'EE' })).toEqual({
      ok: false,
      error:
        '"old.xls" is an old Excel (.xls) or Word file, which Omnicast cannot read: open it in Excel and save it as an Excel workbook (.xlsx) or as "CSV UTF-8", and choose that file.',
    });
  });
});
