import { describe, expect, it } from 'vitest';
import { applyAutoconvert, fullReplacement } from './autoconvert';
import { GSM_BASIC, GSM_EXTENSION } from './gsm-tables';
import { DEFAULT_REPLACEMENTS, formatReplacementTable, parseReplacementTable } from './replacements';
import { countSegments } from './segments';

const TYPOGRAPHIC = '“Don’t” – she said… \u00a0ok • done';

describe('applyAutoconvert modes', () => {
  it('off leaves the text unchanged', () => {
    expect(applyAutoconvert(TYPOGRAPHIC, 'off', DEFAULT_REPLACEMENTS)).toEqual({
      text: TYPOGRAPHIC,
      replacements: [],
    });
  });

  it('on applies the table and reports each replacement at its index', () => {
    const r = applyAutoconvert('It’s “fine”…', 'on', DEFAULT_REPLACEMENTS);
    expect(r.text).toBe('It\'s "fine"...');
    expect(r.replacements).toEqual([
      { from: '’', to: "'", index: 2 },
      { from: '“', to: '"', index: 5 },
      { from: '”', to: '"', index: 10 },
      { from: '…', to: '...', index: 11 },
    ]);
  });

  it('on makes a typographic text GSM-7 and saves segments', () => {
    const text = `${'Hello “friend” – '.repeat(4)}`; // 68 units: UCS-2 would be 1 part, GSM too
    const long = text.repeat(2);
    expect(countSegments(long).segments).toBe(3);
    const converted = applyAutoconvert(long, 'on', DEFAULT_REPLACEMENTS).text;
    expect(countSegments(converted)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('on only uses the given table', () => {
    expect(applyAutoconvert('a’b—c', 'on', { '—': '--' }).text).toBe('a’b--c');
  });

  it('on does not strip accents; full does, keeping GSM letters', () => {
    const text = 'Šárka Dvořáková, Željko, Łódź, café, Müller, Åsa, Øyvind, Æsir, niño, Ça';
    expect(applyAutoconvert(text, 'on', DEFAULT_REPLACEMENTS).text).toBe(text);
    const full = applyAutoconvert(text, 'full', DEFAULT_REPLACEMENTS).text;
    expect(full).toBe('Sarka Dvorakova, Zeljko, Lodz, café, Müller, Åsa, Øyvind, Æsir, niño, Ça');
    expect(countSegments(full).encoding).toBe('GSM-7');
  });

  it('full keeps characters with no sensible replacement (text stays UCS-2)', () => {
    const r = applyAutoconvert('Привет 😀 你好 “x”', 'full', DEFAULT_REPLACEMENTS);
    expect(r.text).toBe('Привет 😀 你好 "x"');
    expect(countSegments(r.text).encoding).toBe('UCS-2');
  });

  it('full applies the table first, then its own replacements', () => {
    expect(applyAutoconvert('ä’ê', 'full', { '’': '*' }).text).toBe('ä*e');
  });

  it('full recomposes a decomposed GSM letter and drops other accents', () => {
    const r = applyAutoconvert('Cafe\u0301 Ze\u030cleny\u0301', 'full', DEFAULT_REPLACEMENTS);
    expect(r.text).toBe('Café Zeleny');
    expect(r.replacements[0]).toEqual({ from: 'e\u0301', to: 'é', index: 3 });
  });

  it.each([
    ['\t', ' '],
    ['ł', 'l'],
    ['œ', 'oe'],
    ['ﬁ', 'fi'],
    ['™', 'TM'],
    ['Ａ', 'A'],
    ['²', '2'],
    ['ç', 'c'],
    ['ő', 'o'],
    ['½', '1/2'],
  ])('full replaces %j with %j', (from, to) => {
    expect(fullReplacement(from)).toBe(to);
  });

  it.each(['ж', '😀', '中', 'α'])('full has no replacement for %j', (ch) => {
    expect(fullReplacement(ch)).toBeNull();
  });

  it('never touches a GSM character in any mode', () => {
    const all = [...GSM_BASIC].filter((c) => c !== '\u001b').join('') + GSM_EXTENSION;
    for (const mode of ['on', 'full'] as const)
      expect(applyAutoconvert(all, mode, { é: 'e' }).text).toBe(all);
  });

  it('every default replacement yields GSM text', () => {
    for (const to of Object.values(DEFAULT_REPLACEMENTS)) expect(countSegments(to).encoding).toBe('GSM-7');
  });
});

describe('replacement table text form', () => {
  it('round-trips the default table, spaces and deletions included', () => {
    const text = formatReplacementTable(DEFAULT_REPLACEMENTS);
    expect(text).toContain('\\u{A0} => \\u{20}');
    expect(text).toContain('… => ...');
    expect(parseReplacementTable(text)).toEqual({ table: { ...DEFAULT_REPLACEMENTS }, problems: [] });
  });

  it('reports problems with their line number', () => {
    const { table, problems } = parseReplacementTable(
      ['# comment', "’ => '", '', 'ab => x', 'e => E', 'no arrow', '’ => `', '\\u{ZZ} => x'].join('\n'),
    );
    expect(table).toEqual({ '’': '`' });
    expect(problems).toEqual([
      'Line 4: "ab" must be exactly one character.',
      'Line 5: "e" is already a GSM character, so it is never replaced.',
      'Line 6: expected "character => replacement", found "no arrow".',
      'Line 7: "’" is listed again; this line wins.',
      'Line 8: a backslash escape is not valid (write \\u{2019}, \\t or \\\\).',
    ]);
  });
});
