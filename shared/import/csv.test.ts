import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, csvLine, importRecipients, rejectedRowsCsv } from './index';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['+37251234567', '+37251234567'],
    ['+372 5123-4567', '+372 5123-4567'],
    ['+44 (0)20 7946.0958', '+44 (0)20 7946.0958'],
    ['+1 HYPERLINK(1)', "'+1 HYPERLINK(1)"],
    ['+ ()', "'+ ()"],
    ['-12.5', '-12.5'],
    ['-12', '-12'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['\uff1dSUM(A1)', "'\uff1dSUM(A1)"],
    ['\uff0b1\uff0b2', "'\uff0b1\uff0b2"],
    ['\uff0d2\uff0b3', "'\uff0d2\uff0b3"],
    ['\uff20cmd', "'\uff20cmd"],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a line with commas and CRLF', () => {
    expect(csvLine(['a', 'b,c', '+3725'])).toBe('a,"b,c",+3725\r\n');
  });
});

describe('rejectedRowsCsv', () => {
  it('lists only rejected rows with original columns, spreadsheet row and reason', () => {
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures', 'title-line.csv'));
    const extra = new TextEncoder().encode('Ann,"Kask, jr",12,=1+1\nMari,M,+37251234567,Tallinn\n');
    const all = new Uint8Array([...bytes, ...extra]);
    const outcome = importRecipients(all, { fileName: 'x.csv', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(rejectedRowsCsv(outcome.result)).toBe(
      'first_name,last_name,phone,city,row,reason\r\n' +
        'Ann,"Kask, jr",12,\'=1+1,6,Too short\r\n' +
        'Mari,M,+37251234567,Tallinn,7,Same number as row 4\r\n',
    );
  });
});
