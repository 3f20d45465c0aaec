import { describe, expect, it } from 'vitest';
import { highlightPieces } from './highlight';

describe('highlightPieces', () => {
  it('marks ranges in order and keeps the rest plain', () => {
    expect(
      highlightPieces('It’s {{x}} ok', [
        { index: 5, length: 5, kind: 'error' },
        { index: 2, length: 1, kind: 'ucs2' },
      ]),
    ).toEqual([
      { text: 'It', kind: null },
      { text: '’', kind: 'ucs2' },
      { text: 's ', kind: null },
      { text: '{{x}}', kind: 'error' },
      { text: ' ok', kind: null },
    ]);
  });

  it('ignores marks beyond the text (the text changed since)', () => {
    expect(highlightPieces('ab', [{ index: 7, length: 1, kind: 'ucs2' }])).toEqual([
      { text: 'ab', kind: null },
    ]);
  });
});
