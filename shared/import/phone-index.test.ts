import { describe, expect, it } from 'vitest';
import { numericKey, PhoneIndex } from './phone-index';
import { seededRandom as random } from '../random';

describe('numericKey', () => {
  it('tells apart numbers that differ only by leading zeros or length, and refuses non-E.164 text', () => {
    expect(numericKey('+1')).not.toBe(numericKey('+01'));
    expect(numericKey('+372')).not.toBe(numericKey('+3720'));
    expect(numericKey('+999999999999999')).toBe(1999999999999999);
    expect(numericKey('+1234567890123456')).toBe(-1); // 16 digits: past exact doubles' safe margin
    expect(numericKey('372')).toBe(-1);
    expect(numericKey('+37 2')).toBe(-1);
    expect(numericKey('+')).toBe(-1);
  });
});

describe('PhoneIndex', () => {
  it('keeps the first row of each number exactly as a Map does, over 200 000 random numbers', () => {
    const next = random(3);
    const index = new PhoneIndex();
    const reference = new Map<string, number>();
    for (let row = 1; row <= 200_000; row++) {
      // Few distinct prefixes and lengths (many duplicates and near-collisions), some odd keys.
      const digits = 1 + Math.floor(next() * 17);
      let e164 = next() < 0.98 ? '+' : '';
      for (let k = 0; k < digits; k++) e164 += k < 3 ? '3' : String(Math.floor(next() * (k < 8 ? 2 : 10)));
      if (next() < 0.01) e164 += 'x';
      const expected = reference.get(e164) ?? row;
      if (!reference.has(e164)) reference.set(e164, row);
      expect(index.setIfAbsent(e164, row)).toBe(expected);
    }
    expect(index.size).toBe(reference.size);
    for (const [e164, row] of reference) expect(index.get(e164)).toBe(row);
    expect(index.get('+3')).toBe(reference.get('+3'));
    expect(index.get('+123456789')).toBe(reference.get('+123456789'));
  });
});
