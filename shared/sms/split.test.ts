import { describe, expect, it } from 'vitest';
import { countSegments } from './segments';
import { splitSegments } from './split';

describe('splitSegments', () => {
  it('keeps a single-segment text whole and an empty one as nothing', () => {
    expect(splitSegments('')).toEqual([]);
    expect(splitSegments('Hello')).toEqual(['Hello']);
    expect(splitSegments('x'.repeat(160))).toEqual(['x'.repeat(160)]);
  });

  it('cuts GSM-7 at 153 septets and never between the two septets of an extension character', () => {
    expect(splitSegments('a'.repeat(161))).toEqual(['a'.repeat(153), 'a'.repeat(8)]);
    // 152 plain septets then "€" (2 septets): it does not fit in the first part and starts the second.
    const text = `${'a'.repeat(152)}€${'b'.repeat(20)}`;
    expect(splitSegments(text)).toEqual(['a'.repeat(152), `€${'b'.repeat(20)}`]);
  });

  it('cuts UCS-2 at 67 code units and never inside a surrogate pair', () => {
    const text = `${'ж'.repeat(66)}😀${'ж'.repeat(10)}`;
    const parts = splitSegments(text);
    expect(parts).toEqual(['ж'.repeat(66), `😀${'ж'.repeat(10)}`]);
    expect(parts).toHaveLength(countSegments(text).segments);
  });

  it('gives the text back when the parts are joined', () => {
    const text = `Hi Zoë, ${'long note '.repeat(40)}[ok]`;
    const parts = splitSegments(text);
    expect(parts.join('')).toBe(text);
    expect(parts).toHaveLength(countSegments(text).segments);
  });
});
