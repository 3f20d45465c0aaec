import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImporter, importRecipients } from './index';
import { fixtureImports, importBytes } from './import-test-support';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const { load } = fixtureImports(bytesOf);

describe('importRecipients: encodings and delimiters', () => {
  it('reads UTF-8 with BOM and semicolons, Estonian column names', () => {
    const r = load('utf8-bom-semicolon.csv');
    expect([r.encoding, r.delimiter, r.header, r.phoneColumnName]).toEqual([
      'utf-8',
      ';',
      ['Nimi', 'Telefon', 'Linn'],
      'Telefon',
    ]);
    expect(r.recipients.map((x) => x.to)).toEqual(['+37251234567', '+37251234568', '+37251234569']);
    expect(r.recipients[1]?.fields).toEqual(['Jüri', '5123 4568', 'Tartu']);
    expect(r.counts).toMatchObject({ total: 3, ok: 3 });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = load('utf16le.csv', { defaultCountry: 'FI' });
    expect([le.encoding, le.delimiter, le.phoneColumnName]).toEqual(['utf-16le', '\t', 'mobile']);
    expect(le.recipients.map((x) => [x.fields[0], x.to])).toEqual([
      ['Anna', '+358401234567'],
      ['Örjan', '+358401234568'],
    ]);
    const be = load('utf16be.csv');
    expect([be.encoding, be.recipients[0]?.fields[0], be.recipients[0]?.to]).toEqual([
      'utf-16be',
      'Zoë',
      '+37251234567',
    ]);
  });

  it('falls back to Windows-1252 for invalid UTF-8, and honours a forced encoding', () => {
    const r = load('windows-1252.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(r.recipients.map((x) => x.fields)).toEqual([
      ['José', '+372 5123 4567', 'café – €5'],
      ['François', '+372 5123 4568', 'naïve'],
    ]);
    expect(load('utf8-bom-semicolon.csv', { encoding: 'windows-1252' }).header[0]).toBe('ï»¿Nimi');
  });

  it('says in which row and column the file stopped being UTF-8; a chosen Windows-1252 says nothing', () => {
    expect(load('windows-1252.csv').problems).toEqual([
      {
        row: 2,
        column: 'name',
        message:
          'Row 2, column "name" has characters that are not valid UTF-8, so the file was read as Windows-1252 (Western European), which may show wrong letters. If they look wrong, save the file as "CSV UTF-8" and import it again.',
      },
    ]);
    expect(load('windows-1252.csv', { encoding: 'windows-1252' }).problems).toEqual([]);
  });

  it('names no column when the bytes that are not UTF-8 stand above the header or in it', () => {
    // Windows-1252 bytes, one per character: \x96 is its en dash, \xe4 its ä.
    const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const rows = 'Mari;5123 4567;Tallinn\r\nJuri;5123 4568;Tartu\r\nAnne;5123 4569;Narva\r\n';
    const above = importBytes(cp1252(`Customers \x96 spring 2025\r\nName;Telefon;City\r\n${rows}`));
    expect(above.problems.map((p) => [p.row, p.column, p.message.split(' has ')[0]])).toEqual([
      [1, null, 'Row 1 (above the header)'],
    ]);
    const inHeader = importBytes(cp1252(`Name;Telefon;K\xe4rb\r\n${rows}`));
    expect(inHeader.problems.map((p) => [p.row, p.column, p.message.split(' has ')[0]])).toEqual([
      [1, null, 'Row 1 (the header)'],
    ]);
    const inData = importBytes(cp1252(`Name;Telefon;City\r\n${rows}Tiit;5123 4570;P\xe4rnu\r\n`));
    expect(inData.problems.map((p) => [p.row, p.column, p.message.split(' has ')[0]])).toEqual([
      [5, 'City', 'Row 5, column "City"'],
    ]);
  });

  it.each([
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-16le', false],
  ] as const)('reads %s (BOM: %s) in Cyrillic, Greek and Estonian š/ž', (encoding, bom) => {
    const text =
      'имя;телефон;город\nДмитрий;+372 5123 4567;Таллин\nΕλένη;+372 5123 4568;Αθήνα\nŠarlotte Žukov;+372 5123 4569;Pärnu\n';
    const units = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array(units.length * 2);
    units.forEach((u, i) => {
      bytes[i * 2 + (encoding === 'utf-16le' ? 0 : 1)] = u & 0xff;
      bytes[i * 2 + (encoding === 'utf-16le' ? 1 : 0)] = u >> 8;
    });
    const outcome = importRecipients(bytes, { fileName: 'ru.csv', defaultCountry: 'EE', encoding });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.header).toEqual(['имя', 'телефон', 'город']);
    expect(outcome.result.recipients.map((r) => [r.fields[0], r.to])).toEqual([
      ['Дмитрий', '+37251234567'],
      ['Ελένη', '+37251234568'],
      ['Šarlotte Žukov', '+37251234569'],
    ]);
  });

  it('restarts as Windows-1252 when invalid UTF-8 appears after rows were already handed on', () => {
    const head =
      'name,phone\n' + Array.from({ length: 5000 }, (_, i) => `Name ${i},+3725${1000000 + i}\n`).join('');
    const tail = new Uint8Array([
      ...new TextEncoder().encode('Jos'),
      0xe9,
      ...new TextEncoder().encode(',+37259999999\n'),
    ]);
    const importer = createImporter({ fileName: 'late.csv', defaultCountry: 'EE' });
    const first = importer.push(new TextEncoder().encode(head));
    expect(first.rows.length).toBeGreaterThan(1000);
    const second = importer.push(tail);
    expect(second.restart).toBe(true);
    expect(second.rows.length).toBeGreaterThan(first.rows.length);
    const done = importer.finish();
    if (!done.ok) throw new Error(done.error);
    expect(done.result.encoding).toBe('windows-1252');
    expect(done.result.recipients.at(-1)?.fields).toEqual(['José', '+37259999999']);
    expect(done.result.counts.total).toBe(5001);
    expect(done.result.problems.map((p) => [p.row, p.column])).toEqual([[5002, 'name']]);
  });

  it.each([
    ['cr-only.csv', ','],
    ['tab-delimited.tsv', '\t'],
    ['pipe-delimited.csv', '|'],
  ])('%s: delimiter %j, any line ending', (name, delimiter) => {
    const r = load(name);
    expect(r.delimiter).toBe(delimiter);
    expect(r.recipients.map((x) => x.to)).toEqual(['+37251234567', '+37251234568']);
  });

  it('keeps a comma inside a tab-delimited field', () => {
    expect(load('tab-delimited.tsv').recipients[0]?.fields[2]).toBe('has, comma');
  });
});
