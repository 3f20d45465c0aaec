import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './base64';

describe('base64ToBytes', () => {
  it('decodes every byte value exactly', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(Buffer.from(all).toString('base64'))).toEqual(all);
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it('throws on text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
