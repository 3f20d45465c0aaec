import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImporter, importRecipients, type ImportOptions } from './index';
import { REASON_SCIENTIFIC } from './phone';
import { fixtureImports, summary } from './import-test-support';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const { load, refusal } = fixtureImports(bytesOf);

describe('importRecipients: a refusal the operator can answer with a column', () => {
  it('names the columns when no phone column was found or the named one does not exist', () => {
    const noPhone = importRecipients(bytesOf('no-phone-column.csv'), {
      fileName: 'x.csv',
      defaultCountry: 'EE',
    });
    expect(noPhone).toMatchObject({ ok: false, columns: ['name', 'city', 'age'] });
    const unknown = importRecipients(bytesOf('ragged.csv'), {
      fileName: 'ragged.csv',
      defaultCountry: 'EE',
      phoneColumn: 'mobile',
    });
    expect(unknown).toMatchObject({ ok: false, columns: ['name', 'phone', 'city'] });
  });

  it('names no columns when the file itself was refused', () => {
    const outcome = importRecipients(bytesOf('header-only.csv'), { fileName: 'h.csv', defaultCountry: 'EE' });
    expect(outcome.ok).toBe(false);
    expect('columns' in outcome).toBe(false);
  });
});

describe('importRecipients: structure', () => {
  it('finds the header below a title line and a blank line; row numbers count from the header', () => {
    const r = load('title-line.csv');
    expect([r.headerRow, r.header, r.phoneColumnName]).toEqual([
      3,
      ['first_name', 'last_name', 'phone', 'city'],
      'phone',
    ]);
    expect(summary(r)).toEqual([
      [1, '+37251234567', 'ok', null],
      [2, '+37251234568', 'ok', null],
    ]);
    expect(load('title-line.csv', { headerRow: 3 }).counts.ok).toBe(2);
    expect(load('title-line.csv', { headerRow: 4, phoneColumn: '+37251234567' }).counts.total).toBe(1);
  });

  it('keeps ragged rows, fitted to the header, and reports each with its spreadsheet row', () => {
    const r = load('ragged.csv');
    expect(r.recipients.map((x) => x.fields)).toEqual([
      ['Mari', '+37251234567', 'Tallinn'],
      ['Jüri', '+37251234568', ''],
      ['Ann', '+37251234569', 'Tartu'],
      ['Ola', '+37251234570', 'Pärnu'],
    ]);
    expect(r.counts).toMatchObject({ total: 4, ok: 4 });
    expect(r.problems).toEqual([
      {
        row: 3,
        column: null,
        message: 'Row 3 has 2 values but there are 3 columns: the missing ones were left empty.',
      },
      {
        row: 4,
        column: null,
        message:
          'Row 4 has 5 values but there are 3 columns: the extra values "extra", "more" were left out. A value with the delimiter in it may need quotes.',
      },
    ]);
  });

  it('reads quoted fields with newlines and doubled quotes', () => {
    const r = load('quoted-newlines.csv');
    expect(r.recipients.map((x) => [x.row, x.fields[0], x.fields[2]])).toEqual([
      [1, 'Maasikas, Mari', 'Pikk 1\r\nTallinn'],
      [2, 'He said "hi"', 'Line 1\nLine 2\nLine 3'],
      [3, 'Jüri', 'Tartu'],
    ]);
  });

  it('skips blank lines (also "," and spaces) and counts them, keeping spreadsheet row numbers', () => {
    const r = load('blank-lines.csv');
    expect(summary(r)).toEqual([
      [2, '+37251234567', 'ok', null],
      [5, '+37251234568', 'ok', null],
    ]);
    expect(r.counts.blankLinesSkipped).toBe(4);
  });

  it('makes empty and repeated column names unique and says so', () => {
    const r = load('duplicate-header.csv');
    expect(r.header).toEqual(['name', 'name_2', 'column_3', 'phone']);
    expect(r.headerIssues).toEqual([
      'The column name "name" appears more than once: column 2 is called "name_2".',
      'Column 3 has no name: it is called "column_3".',
    ]);
  });
});

describe('importRecipients: broken quotes', () => {
  it('reports a quote that is never closed, with its spreadsheet row, and keeps the row', () => {
    const csv = 'name,phone\nMari,+37251234567\n"Jüri,+37251234568\nAnn,+37251234569\n';
    const outcome = importRecipients(new TextEncoder().encode(csv), {
      fileName: 'q.csv',
      defaultCountry: 'EE',
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.counts.total).toBe(2);
    expect(outcome.result.problems[0]).toEqual({
      row: 3,
      column: null,
      message:
        'A quoted value in row 3 is never closed: everything after it was read as one value. Check the quotes in that row.',
    });
  });

  it('reports rows run together by a quote closed rows later, naming the row and column', () => {
    const csv =
      'phone,name\n+37251000001,"Bob\n+37251000002,Carl\n+37251000003,Dana"\n+37251000004,"Eve\nFlat 2"\n';
    const outcome = importRecipients(new TextEncoder().encode(csv), {
      fileName: 'q.csv',
      defaultCountry: 'EE',
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.counts.total).toBe(2);
    // A value over two lines without the delimiter (an address) is no problem.
    expect(outcome.result.problems).toEqual([
      {
        row: 2,
        column: 'name',
        message:
          'Row 2, column "name": the value runs over 3 lines that look like rows of their own, probably after a stray quote. Check the quotes in that row.',
      },
    ]);
  });

  it('stays fast when a stray quote swallows the rest of a streamed file', () => {
    const body = Array.from({ length: 50000 }, (_, i) => `N${i},+3725${1000000 + i}\n`).join('');
    const bytes = new TextEncoder().encode(`name,phone\n${body}"open,+37251234567\n${body}`);
    const importer = createImporter({ fileName: 'q.csv', defaultCountry: 'EE' });
    const started = performance.now();
    for (let at = 0; at < bytes.length; at += 4096) importer.push(bytes.subarray(at, at + 4096));
    const done = importer.finish();
    expect(done.ok && done.result.counts.total).toBe(50001);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('importRecipients: phone numbers', () => {
  it('marks duplicates in four spellings, invalid numbers with reasons, opted-out numbers', () => {
    const r = load('duplicates-four-spellings.csv', { optOuts: new Set(['+37251234599']) });
    expect(summary(r)).toEqual([
      [1, '+37251234567', 'ok', null],
      [2, '+37251234567', 'duplicate', 'Same number as row 2'],
      [3, '+37251234567', 'duplicate', 'Same number as row 2'],
      [4, '+37251234567', 'duplicate', 'Same number as row 2'],
      [5, '+37251234568', 'ok', null],
      [6, null, 'invalid', 'Too short'],
      [7, null, 'invalid', 'Not a valid number for Estonia'],
      [8, null, 'invalid', 'Not a phone number'],
      [9, null, 'invalid', 'No phone number'],
      [10, '+37251234599', 'opted_out', 'Opted out'],
    ]);
    expect(r.counts).toEqual({
      total: 10,
      ok: 2,
      invalid: 4,
      duplicate: 3,
      opted_out: 1,
      blankLinesSkipped: 0,
    });
  });

  it('flags numbers Excel turned into scientific notation, never guessing digits', () => {
    const r = load('excel-scientific.csv');
    expect(summary(r)).toEqual([
      [1, null, 'invalid', REASON_SCIENTIFIC],
      [2, '+37251234568', 'ok', null],
      [3, null, 'invalid', REASON_SCIENTIFIC],
    ]);
    expect(r.recipients[0]?.rawPhone).toBe('3.72512E+10');
  });

  it('detects the phone column by a Russian name and by content; it can be changed', () => {
    const ru = load('languages.csv');
    expect([ru.phoneColumnName, ru.recipients[0]?.to]).toEqual(['Номер телефона', '+79123456789']);
    const byContent = load('phone-by-content.csv');
    expect([byContent.phoneColumnName, byContent.phoneCandidates]).toEqual(['contact', [1]]);
    const chosen = load('phone-by-content.csv', { phoneColumn: 'ID' });
    expect([chosen.phoneColumn, chosen.counts.invalid]).toEqual([2, 3]);
  });
});

describe('importRecipients: refusals', () => {
  it.each([
    ['empty.csv', {}, '"empty.csv" is empty: it has no rows at all.'],
    [
      'binary.bin',
      {},
      '"binary.bin" is not a CSV file: it contains binary data (NUL bytes). Export the list as CSV and try again.',
    ],
    [
      'not-csv.json',
      {},
      '"not-csv.json" does not look like a CSV file: it starts with "{", like JSON. Export the list as CSV and try again.',
    ],
    ['header-only.csv', {}, '"header-only.csv" has column names but no rows of recipients below them.'],
    [
      'no-phone-column.csv',
      {},
      '"no-phone-column.csv" has no column that could hold phone numbers (columns: name, city, age); add one or name it with the phone column option.',
    ],
    [
      'ragged.csv',
      { phoneColumn: 'mobile' },
      '"ragged.csv" has no column named "mobile": its columns are "name", "phone", "city".',
    ],
    ['ragged.csv', { headerRow: 40 }, '"ragged.csv" has no row 40 to use as the header: it has 5 rows.'],
  ])('%s %j', (name, options, error) => {
    expect(refusal(name, options)).toBe(error);
  });

  it('refuses a damaged ZIP file with one sentence', () => {
    const outcome = importRecipients(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {
      fileName: 'list.xlsx',
      defaultCountry: 'EE',
    });
    expect(outcome).toEqual({
      ok: false,
      error: '"list.xlsx" is a damaged or unreadable ZIP file: open it in Excel and save it again.',
    });
  });
});

describe('createImporter', () => {
  it('gives the same result whatever the chunk size, and hands rows on before finish', () => {
    const bytes = new TextEncoder().encode(
      'name,phone\n' +
        Array.from({ length: 20000 }, (_, i) => `"N, ${i}",+3725${1000000 + (i % 15000)}\n`).join(''),
    );
    const whole = importRecipients(bytes, { fileName: 'x.csv', defaultCountry: 'EE' });
    if (!whole.ok) throw new Error(whole.error);
    const importer = createImporter({ fileName: 'x.csv', defaultCountry: 'EE' });
    let early = 0;
    for (let at = 0; at < bytes.length; at += 777)
      early += importer.push(bytes.subarray(at, at + 777)).rows.length;
    const chunked = importer.finish();
    if (!chunked.ok) throw new Error(chunked.error);
    expect(early).toBeGreaterThan(19000);
    expect(chunked.result.recipients).toEqual(whole.result.recipients);
    expect(chunked.result.counts).toMatchObject({ total: 20000, ok: 15000, duplicate: 5000 });
  });
});

describe('detectLayout reads only a prefix of the sample when that is enough', () => {
  const run = (text: string, options: Partial<ImportOptions> = {}) =>
    importRecipients(new TextEncoder().encode(text), { fileName: 'p.csv', defaultCountry: 'EE', ...options });

  it('finds the phone column past a thousand blank lines after the header', () => {
    // The phone column is judged on the first 200 non-blank rows: here they start at record 1 002.
    const rows = ['code;phone', ...Array.from({ length: 1000 }, () => ''), '1;x'];
    for (let i = 0; i < 300; i++) rows.push(`${i};+3725${2000000 + i}`);
    const outcome = run(rows.join('\n'));
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.phoneColumnName).toBe('phone');
    expect(outcome.result.counts).toMatchObject({ ok: 300, invalid: 1, blankLinesSkipped: 1000 });
  });

  it('counts every record of the sample when the header row asked for is not there', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `n${i},+3725${2000000 + i}`);
    const outcome = run(rows.join('\n'), { headerRow: 2000 });
    expect(outcome).toEqual({
      ok: false,
      error: '"p.csv" has no row 2000 to use as the header: it has 1500 rows.',
    });
    const deep = run(rows.join('\n'), { headerRow: 1200 });
    if (!deep.ok) throw new Error(deep.error);
    expect(deep.result.header).toEqual(['n1199', '+37252001199']);
    expect(deep.result.recipients).toHaveLength(300);
  });
});
