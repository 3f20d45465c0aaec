// The fast path reads an international number's calling code as digits: over random numbers of every
// calling-code length (shared ones like +1 and +44, unassigned ones, leading zeros), whatever it
// accepts the library accepts as that same number, and it does accept most valid ones.
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { createFastPhone } from './phone-fast';
import { seededRandom as random } from '../random';

const CODES = ['1', '7', '44', '33', '49', '372', '358', '371', '380', '0', '28', '999', '212', '590', '86'];

describe('fast international numbers', () => {
  it('accept only what libphonenumber-js accepts, for every calling-code length', () => {
    const fast = createFastPhone(metadata);
    const next = random(9);
    let accepted = 0;
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const code = CODES[Math.floor(next() * CODES.length)]!;
      let nsn = '';
      const length = 4 + Math.floor(next() * 8);
      for (let k = 0; k < length; k++) nsn += String(Math.floor(next() * 10));
      const e164 = `+${code}${nsn}`;
      const library = parsePhoneNumberFromString(e164, metadata);
      const expected = library?.isValid() ? library.number : null;
      const got = fast.international(e164);
      if (got !== null) {
        expect(got).toBe(expected);
        accepted++;
      }
      if (expected !== null) valid++;
    }
    expect(valid).toBeGreaterThan(500);
    // Shared codes (+1, +7, +44, +590) are left to the library; most of the others are answered here.
    expect(accepted).toBeGreaterThan(valid / 3);
  });
});
