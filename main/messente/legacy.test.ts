import { describe, expect, it } from 'vitest';
import { legacyError, parseBalance } from './legacy';
import { readSpec } from './openapi/spec-check';

/** Every "ERROR nnn" code the document lists for the legacy endpoints Omnicast calls. */
function documentedCodes(): string[] {
  const paths = readSpec().paths ?? {};
  const text = JSON.stringify(['/get_balance', '/pricelist', '/prices'].map((p) => paths[p]));
  const codes = new Set<string>();
  for (const block of text.matchAll(/Syntax for unsuccessful response: ERROR \[error code\](.*?)"/g)) {
    for (const m of block[1]!.matchAll(/- (\d{3}):/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('legacy answers', () => {
  it('every error code the document lists has its own sentence, 209 included', () => {
    const codes = documentedCodes();
    expect(codes).toEqual(expect.arrayContaining(['101', '102', '103', '104', '105', '106', '209']));
    for (const code of codes) {
      const sentence = legacyError(`ERROR ${code}`);
      expect(sentence, code).toContain(`(${code})`);
      expect(sentence).not.toMatch(/Messente answered/);
    }
    expect(legacyError('ERROR 209')).toMatch(/server failure.*try again/);
    expect(legacyError('FAILED 209')).toBe(legacyError('ERROR 209'));
    expect(legacyError('FAILED 102')).toBe(legacyError('ERROR 102'));
  });

  it('an unknown code is quoted, an OK answer is no error', () => {
    expect(legacyError('ERROR 999')).toBe('Messente answered "ERROR 999".');
    expect(legacyError('OK 10.23')).toBeNull();
    expect(parseBalance('OK 10.23')).toBe(10.23);
  });
});
