import { describe, expect, it } from 'vitest';
import { parseRowList } from './row-list';

describe('parseRowList', () => {
  it.each([
    ['all', null],
    [' ALL ', null],
    ['7', [7]],
    ['3,7,12-14', [3, 7, 12, 13, 14]],
    [' 9 , 2 - 4 ,3', [2, 3, 4, 9]],
    ['5-5,5', [5]],
  ])('reads %j', (text, rows) => {
    expect(parseRowList(text)).toEqual({ ok: true, rows });
  });

  it.each([
    ['3,x', '"x" is not a row number or a range of rows'],
    ['3,,4', '"" is not a row number or a range of rows'],
    ['', '"" is not a row number or a range of rows'],
    ['0', '"0" is not a row number the spreadsheet could show'],
    ['-2', '"-2" is not a row number or a range of rows'],
    ['20-12', '"20-12" is reversed: write 12-20'],
    ['1-1000001', '"1-1000001" names more than 1,000,000 rows'],
    ['1-600000,700000-1200000', '"1-600000,700000-1200000" names more than 1,000,000 rows'],
    ['99999999999999999999', '"99999999999999999999" is not a row number the spreadsheet could show'],
  ])('refuses %j, saying which part and why', (text, message) => {
    expect(parseRowList(text)).toEqual({ ok: false, message });
  });
});
