import { describe, expect, it } from 'vitest';
import { codePointLabel, counterText } from './counter-text';

describe('counter-text', () => {
  it('says encoding, characters and segments, singular when one', () => {
    expect(counterText({ encoding: 'GSM-7', characters: 1, segments: 1 })).toBe(
      'GSM-7 · 1 character · 1 segment',
    );
    expect(counterText({ encoding: 'UCS-2', characters: 80, segments: 2 })).toBe(
      'UCS-2 (Unicode) · 80 characters · 2 segments',
    );
  });

  it('names each code point of a character, also of a pair or a sequence', () => {
    expect(codePointLabel('\u00a0')).toBe('U+00A0');
    expect(codePointLabel('👍')).toBe('U+1F44D');
    expect(codePointLabel('👍🏽')).toBe('U+1F44D U+1F3FD');
  });
});
