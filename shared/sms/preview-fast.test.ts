// previewRow()'s fast path (all-GSM texts counted while rendering) and countryOfNumber()'s digit lookup
// against the general paths they shortcut, over many random templates, values and numbers.
import { describe, expect, it } from 'vitest';
import type { Autoconvert } from '../types';
import { countryOfNumber, countryOfNumberBySlices } from './countries';
import { previewRow, previewText, type PreviewOptions } from './preview';
import type { PriceTable } from './prices';
import { compileTemplate, renderTemplate } from './template';
import { seededRandom as random } from '../random';

// Plain GSM, extension characters (2 septets), CR/LF, spaces, non-GSM that autoconvert replaces or
// keeps, combining marks, emoji (surrogate pairs) and Hangul jamo: every branch of both paths.
const PIECES = [
  'a',
  'Z',
  '5',
  ' ',
  '.',
  'é',
  'Ä',
  '€',
  '[',
  '^',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '’',
  '“',
  '–',
  '…',
  '\u00a0',
  'ж',
  'ł',
  'e\u0301',
  '👍',
  '👍🏽',
  '🇪🇪',
  '\u1100\u1161',
  'x'.repeat(40),
  '€'.repeat(20),
  'ab'.repeat(30),
];
const PRICES: PriceTable = {
  EE: { minMicros: 40_000, maxMicros: 45_000, networks: 2 },
  US: { minMicros: 9_000, maxMicros: 12_000, networks: 5 },
};
const NUMBERS = ['+37251234567', '+12025550123', '+447911123456', '+79161234567', '+999123', null];
const MODES: Autoconvert[] = ['off', 'on', 'full'];

// The fast path's own inputs: GSM-7 only (extension characters and long runs included), no CR.
const GSM_PIECES = ['a', 'Z', '5', ' ', '.', 'é', 'Ä', '€', '[', '^', '\n', 'x'.repeat(40), '€'.repeat(20)];
let pieces = PIECES;

function text(next: () => number, maxPieces: number): string {
  let out = '';
  const n = Math.floor(next() * maxPieces);
  for (let i = 0; i < n; i++) out += pieces[Math.floor(next() * pieces.length)]!;
  return out;
}

describe('previewRow fast path', () => {
  it('gives exactly what the general path gives, over 20 000 random rows', () => {
    const next = random(7);
    const header = ['first_name', 'city', 'note'];
    for (let i = 0; i < 2000; i++) {
      pieces = i % 2 === 0 ? GSM_PIECES : PIECES;
      const source = `${text(next, 6)}{{first_name}}${text(next, 4)}{{city|there}}${text(next, 8)}{{note}}${text(next, 3)}`;
      const compiled = compileTemplate(source, header);
      if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
      for (let j = 0; j < 10; j++) {
        const fields = header.map(() => (next() < 0.15 ? (next() < 0.5 ? '' : '  ') : text(next, 12)));
        const to = NUMBERS[Math.floor(next() * NUMBERS.length)]!;
        const options: PreviewOptions = {
          autoconvert: MODES[Math.floor(next() * MODES.length)]!,
          prices: PRICES,
          typicalSegments: next() < 0.5 ? undefined : 1,
        };
        const rendered = renderTemplate(compiled.template, fields);
        const reference = previewText(rendered.text, rendered.emptyFields, to, options);
        expect(previewRow(compiled.template, fields, to, options)).toEqual(reference);
      }
    }
  });

  it('counts a long all-GSM row without reading the text back: 161 septets are 2 parts of 153', () => {
    const compiled = compileTemplate(`${'x'.repeat(150)}{{a}}`, ['a']);
    if (!compiled.ok) throw new Error('does not compile');
    const p = previewRow(compiled.template, ['y'.repeat(11)], '+37251234567', {
      autoconvert: 'on',
      prices: PRICES,
    });
    expect([p.encoding, p.units, p.characters, p.segments, p.costMaxMicros]).toEqual([
      'GSM-7',
      161,
      161,
      2,
      90_000,
    ]);
  });
});

describe('countryOfNumber digit lookup', () => {
  it('agrees with the substring lookup on random numbers, prefixes and odd strings', () => {
    const next = random(11);
    const chars = '0123456789+ x';
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 14);
      let value = next() < 0.8 ? '+' : '';
      for (let k = 0; k < length; k++) {
        value += next() < 0.95 ? String(Math.floor(next() * 10)) : chars[Math.floor(next() * chars.length)]!;
      }
      expect(countryOfNumber(value)).toBe(countryOfNumberBySlices(value));
    }
  });

  it('finds one-, two- and three-digit codes and refuses a leading zero', () => {
    expect(countryOfNumber('+37251234567')).toBe('EE');
    expect(countryOfNumber('+4915112345678')).toBe('DE');
    expect(countryOfNumber('+12025550123')).toBe('US');
    expect(countryOfNumber('+0372512345')).toBeNull();
    expect(countryOfNumber('+37')).toBeNull();
  });
});
