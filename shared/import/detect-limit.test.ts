// parseRecords() with a limit parses a prefix first: its records must be those of the whole text.
import { describe, expect, it } from 'vitest';
import { parseRecords } from './detect';
import { seededRandom as random } from '../random';

function csv(next: () => number, eol: string, longValue: number): string {
  const rows: string[] = [];
  let length = 0;
  for (let i = 0; length < 600_000; i++) {
    const r = next();
    const value =
      r < 0.1 ? `"quoted${eol}with ""quotes"""` : r < 0.12 ? `"${'z'.repeat(longValue)}"` : `v${i}`;
    rows.push(`${i},${value},${r < 0.05 ? '' : 'x'}`);
    length += rows.at(-1)!.length + eol.length;
  }
  return rows.join(eol);
}

describe('parseRecords with a limit', () => {
  it('gives the first records of the whole parse, whatever the prefix cuts', () => {
    const next = random(5);
    for (const eol of ['\n', '\r\n']) {
      for (const longValue of [10, 5000, 300_000]) {
        const text = csv(next, eol, longValue);
        for (const limit of [1, 100, 1000, 5000]) {
          for (const ignoreLastRow of [true, false]) {
            const whole = parseRecords(text, ',', '\n', ignoreLastRow).data.slice(0, limit);
            expect(parseRecords(text, ',', '\n', ignoreLastRow, limit).data).toEqual(whole);
          }
        }
      }
    }
  });

  it('never returns the record the prefix cuts in two', () => {
    const row = (i: number): string => `${String(i).padStart(6, '0')},${'v'.repeat(93)}`; // 100 characters
    const text = Array.from({ length: 4000 }, (_, i) => row(i)).join('\n');
    const cut = Math.floor((256 * 1024) / 101) + 1; // the first record past the prefix's end
    for (const limit of [cut - 1, cut, cut + 1]) {
      expect(parseRecords(text, ',', '\n', true, limit).data).toEqual(
        parseRecords(text, ',', '\n', true).data.slice(0, limit),
      );
    }
  });
});
