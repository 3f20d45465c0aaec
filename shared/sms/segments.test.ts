import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { GSM_BASIC, GSM_EXTENSION } from './gsm-tables';
import { countSegments, segmentUnitsOf } from './segments';

const a = (n: number) => 'a'.repeat(n);
const zh = (n: number) => 'ж'.repeat(n); // one UTF-16 unit, forces UCS-2
const EMOJI = '😀'; // a surrogate pair

describe('countSegments boundaries', () => {
  it.each([
    ['empty', '', 'GSM-7', 0, 0, []],
    ['1 septet', a(1), 'GSM-7', 1, 1, [1]],
    ['153 septets', a(153), 'GSM-7', 153, 1, [153]],
    ['154 septets', a(154), 'GSM-7', 154, 1, [154]],
    ['160 septets', a(160), 'GSM-7', 160, 1, [160]],
    ['161 septets', a(161), 'GSM-7', 161, 2, [153, 8]],
    ['306 septets', a(306), 'GSM-7', 306, 2, [153, 153]],
    ['307 septets', a(307), 'GSM-7', 307, 3, [153, 153, 1]],
    ['459 septets', a(459), 'GSM-7', 459, 3, [153, 153, 153]],
    ['460 septets', a(460), 'GSM-7', 460, 4, [153, 153, 153, 1]],
    ['1 UCS-2 unit', zh(1), 'UCS-2', 1, 1, [1]],
    ['67 units', zh(67), 'UCS-2', 67, 1, [67]],
    ['68 units', zh(68), 'UCS-2', 68, 1, [68]],
    ['70 units', zh(70), 'UCS-2', 70, 1, [70]],
    ['71 units', zh(71), 'UCS-2', 71, 2, [67, 4]],
    ['134 units', zh(134), 'UCS-2', 134, 2, [67, 67]],
    ['135 units', zh(135), 'UCS-2', 135, 3, [67, 67, 1]],
    ['201 units', zh(201), 'UCS-2', 201, 3, [67, 67, 67]],
    ['202 units', zh(202), 'UCS-2', 202, 4, [67, 67, 67, 1]],
  ] as const)('%s', (_name, text, encoding, units, segments, parts) => {
    const r = countSegments(text);
    expect(r).toEqual({ encoding, characters: text.length, units, segments });
    expect(segmentUnitsOf(text)).toEqual(parts);
  });
});

describe('pairs are never split', () => {
  it.each([
    // An escape pair (€ = ESC + e) that would straddle a GSM part boundary starts the next part.
    ['€ fills 159-160 of a single part', a(158) + '€', 160, [160]],
    ['€ straddles 160/161', a(159) + '€', 161, [153, 8]],
    ['€ straddles 153/154', a(152) + '€' + a(7), 161, [152, 9]],
    ['€ straddles 306/307', a(152 + 153) + '€' + a(10), 317, [153, 152, 12]],
    ['€ straddle adds a part', a(152) + '€' + a(152), 306, [152, 153, 1]],
    ['€ exactly at the end of part 1', a(151) + '€' + a(10), 163, [153, 10]],
    ['only escape pairs', '€'.repeat(81), 162, [152, 10]],
  ])('GSM-7: %s', (_name, text, units, parts) => {
    const r = countSegments(text);
    expect(r.encoding).toBe('GSM-7');
    expect(r.units).toBe(units);
    expect(segmentUnitsOf(text)).toEqual(parts);
    expect(r.segments).toBe(parts.length);
  });

  it.each([
    ['emoji fills 69-70 of a single part', zh(68) + EMOJI, 70, [70]],
    ['emoji straddles 70/71', zh(69) + EMOJI, 71, [67, 4]],
    ['emoji straddles 67/68', zh(66) + EMOJI + zh(3), 71, [66, 5]],
    ['emoji straddles 134/135', zh(66 + 67) + EMOJI + zh(5), 140, [67, 66, 7]],
    ['emoji straddle adds a part', zh(66) + EMOJI + zh(66), 134, [66, 67, 1]],
    ['only emoji', EMOJI.repeat(36), 72, [66, 6]],
  ])('UCS-2: %s', (_name, text, units, parts) => {
    const r = countSegments(text);
    expect(r.encoding).toBe('UCS-2');
    expect(r.units).toBe(units);
    expect(segmentUnitsOf(text)).toEqual(parts);
    expect(r.segments).toBe(parts.length);
  });
});

describe('characters as a person counts them', () => {
  it.each([
    ['combining accent', 'e\u0301', 'UCS-2', 1, 2],
    ['precomposed GSM é', 'é', 'GSM-7', 1, 1],
    ['ZWJ family', '👨‍👩‍👧', 'UCS-2', 1, 8],
    ['skin tone', '👍🏽', 'UCS-2', 1, 4],
    ['flag', '🇪🇪', 'UCS-2', 1, 4],
    ['plain emoji', 'Hi 😀!', 'UCS-2', 5, 6],
    ['variation selector', '❤️', 'UCS-2', 1, 2],
    ['CRLF is one line break', 'a\r\nb', 'GSM-7', 3, 4],
    ['lone CR and LF', 'a\rb\nc', 'GSM-7', 5, 5],
    ['tab is not GSM', 'a\tb', 'UCS-2', 3, 3],
    ['Hangul jamo', '\u1100\u1161', 'UCS-2', 1, 2],
  ])('%s', (_name, text, encoding, characters, units) => {
    expect(countSegments(text)).toMatchObject({ encoding, characters, units });
  });
});

describe('GSM tables', () => {
  const basic = [...GSM_BASIC].filter((ch) => ch !== '\u001b');
  const extension = [...GSM_EXTENSION];

  it('has 127 basic characters (ESC excluded) and 10 extension ones, all distinct', () => {
    expect(basic).toHaveLength(127);
    expect(extension).toHaveLength(10);
    expect(new Set([...basic, ...extension]).size).toBe(137);
  });

  it.each(basic)('basic %j is 1 septet, 160 fit in one segment', (ch) => {
    expect(countSegments(ch)).toMatchObject({ encoding: 'GSM-7', units: 1, segments: 1 });
    expect(countSegments(ch.repeat(160)).segments).toBe(1);
    expect(countSegments(ch.repeat(161)).segments).toBe(2);
  });

  it.each(extension)('extension %j is 2 septets, 80 fit in one segment', (ch) => {
    expect(countSegments(ch)).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(countSegments(ch.repeat(80)).segments).toBe(1);
    expect(countSegments(ch.repeat(81)).segments).toBe(2);
  });

  it('every other UTF-16 unit forces UCS-2', () => {
    const gsm = new Set([...basic, ...extension].map((ch) => ch.charCodeAt(0)));
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const isGsm = countSegments(`a${String.fromCharCode(code)}`).encoding === 'GSM-7';
      if (isGsm !== gsm.has(code)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['`', 'ç', 'ê', 'á', '’', '\u00a0', '\u001b'])('%j is not GSM', (ch) => {
    expect(countSegments(ch).encoding).toBe('UCS-2');
  });
});

describe('analyzeText', () => {
  it('lists the characters that force UCS-2 with their UTF-16 index', () => {
    const r = analyzeText('It’s 😀 ok ж');
    expect(r.ucs2Chars).toEqual([
      { char: '’', index: 2 },
      { char: '😀', index: 5 },
      { char: 'ж', index: 11 },
    ]);
    expect(r.segmentUnits).toEqual([12]);
    expect(r.encoding).toBe('UCS-2');
  });

  it('lists nothing for a GSM-7 text', () => {
    expect(analyzeText('Hello {€}').ucs2Chars).toEqual([]);
  });
});

// split-sms (a published splitter) implements the same rules: 160/153 and 70/67 with escape and
// surrogate pairs kept whole, so on well-formed texts it must agree with us on encoding and segments.
// It disagrees on the empty text (it reports one empty part; we bill 0) and on lone surrogates.
describe('cross-check with split-sms', () => {
  const require = createRequire(import.meta.url);
  const splitSms = require('split-sms') as {
    split(text: string): { characterSet: string; parts: unknown[]; bytes: number };
  };
  const alphabet = [
    ...'abc xyz 0123456789.,!?@£$¥èéÇØÅΔ_ΦΣÆß§¿äöñüà\n\r',
    ...GSM_EXTENSION,
    ...'жщ’…–éê',
    '😀',
    '🇪🇪',
  ];

  it('agrees on 3000 random texts', () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const disagreements: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * 420);
      const nonGsmRate = random() < 0.5 ? 0 : 0.02;
      let text = '';
      for (let i = 0; i < length; i++) {
        const pool = random() < nonGsmRate ? alphabet.slice(-9) : alphabet.slice(0, -9);
        text += pool[Math.floor(random() * pool.length)];
      }
      const ours = countSegments(text);
      const theirs = splitSms.split(text);
      const theirEncoding = theirs.characterSet === 'GSM' ? 'GSM-7' : 'UCS-2';
      const theirUnits = theirEncoding === 'GSM-7' ? theirs.bytes : theirs.bytes / 2;
      if (
        ours.encoding !== theirEncoding ||
        ours.segments !== theirs.parts.length ||
        ours.units !== theirUnits
      ) {
        disagreements.push(
          JSON.stringify({ text, ours, theirs: [theirEncoding, theirs.parts.length, theirUnits] }),
        );
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
  });
});

// Our grapheme counter avoids Intl.Segmenter for speed: it must agree with it on the clusters that occur
// in messages (Hangul jamo texts are handed to Intl.Segmenter itself).
describe('characters agree with Intl.Segmenter', () => {
  const pool = [
    'a',
    ' ',
    'é',
    'e\u0301',
    'o\u0308\u0304',
    '😀',
    '👍🏽',
    '👨‍👩‍👧',
    '👩‍❤️‍👨',
    '🏳️‍🌈',
    '🇪🇪',
    '🇪🇪🇫🇮',
    '❤️',
    '\r\n',
    '\r',
    '\n',
    'ж',
    '中',
    'कि',
    '#️⃣',
    '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    '\u1100\u1161\u11a8',
    'ｶﾞ',
    '\u200b',
    '€',
  ];
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

  it('on 2000 random mixes', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const wrong: string[] = [];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 1 + Math.floor(random() * 12); i > 0; i--)
        text += pool[Math.floor(random() * pool.length)];
      const expected = [...segmenter.segment(text)].length;
      if (countSegments(text).characters !== expected) wrong.push(JSON.stringify(text));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
