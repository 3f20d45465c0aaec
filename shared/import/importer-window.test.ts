// The importer parses each push window by window (512 KB of text at a time): the result must not
// depend on where windows fall, inside quoted values with line breaks, long records or a stray quote.
import { describe, expect, it } from 'vitest';
import { createImporter, importRecipients } from './workbook';
import type { ImportOptions, ImportOutcome } from './model';

const OPTS: ImportOptions = { fileName: 'w.csv', defaultCountry: 'EE', optOuts: new Set(['+37252000004']) };

function pushed(bytes: Uint8Array, chunk: number): ImportOutcome {
  const importer = createImporter(OPTS);
  for (let at = 0; at < bytes.length; at += chunk) importer.push(bytes.subarray(at, at + chunk));
  return importer.finish();
}

function file(rows: number, eol: string): string {
  const lines = ['name;phone;note'];
  for (let i = 0; i < rows; i++) {
    const phone = i % 7 === 0 ? `5${2000000 + (i % 700)}` : i % 29 === 0 ? 'n/a' : `+3725${2000000 + i}`;
    // Quoted line breaks and quotes, some values longer than a window, ragged and blank rows.
    const note = i % 3 === 0 ? `"a${eol}b ""c"" ${'q'.repeat(i % 5000 === 0 ? 700_000 : i % 200)}"` : `n${i}`;
    lines.push(i % 101 === 0 ? '' : `Name ${i};${phone};${note}${i % 89 === 0 ? ';extra' : ''}`);
  }
  return lines.join(eol);
}

describe('importer windows', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`gives the same rows in 4 MB pushes (windowed) as in 16 KB pushes (${JSON.stringify(eol)})`, () => {
      const bytes = new TextEncoder().encode(file(60_000, eol));
      expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
      const whole = importRecipients(bytes, OPTS);
      expect(whole).toEqual(pushed(bytes, 16 * 1024));
      if (!whole.ok) throw new Error(whole.error);
      expect(whole.result.counts.duplicate).toBeGreaterThan(0);
      expect(whole.result.problems.length).toBeGreaterThan(0);
    });
  }

  it('reports an unclosed quote near the end before the ragged rows of the last parse, as before', () => {
    const text = `${file(30_000, '\n')}\nlate;+37255555555;"never closed\nmore;+37255555556;x;y`;
    const bytes = new TextEncoder().encode(text);
    const whole = importRecipients(bytes, OPTS);
    expect(whole).toEqual(pushed(bytes, 16 * 1024));
    if (!whole.ok) throw new Error(whole.error);
    expect(whole.result.problems.some((p) => p.message.includes('never closed'))).toBe(true);
  });
});
