import { describe, expect, it } from 'vitest';
import { XmlPieces } from './xml-text';

describe('XmlPieces: an inflated part cut after whole elements', () => {
  const xml = '<row><c>Jüri 🎉</c></row><row><c>Дмитрий</c></row><row><c>Ελένη</c></row>';
  const bytes = new TextEncoder().encode(xml);

  it('gives whole rows and every character however the bytes are split, split characters too', () => {
    for (let split = 1; split < bytes.length; split++) {
      const pieces = new XmlPieces('</row>');
      const out = [pieces.push(bytes.subarray(0, split), false), pieces.push(bytes.subarray(split), true)];
      expect(out.join('')).toBe(xml);
      expect(out[0] === '' || out[0]?.endsWith('</row>')).toBe(true);
    }
  });

  it('holds a long element over many pieces until its end arrives', () => {
    const pieces = new XmlPieces('</row>');
    const out: string[] = [];
    for (let at = 0; at < bytes.length; at += 3) out.push(pieces.push(bytes.subarray(at, at + 3), false));
    out.push(pieces.push(new Uint8Array(0), true));
    expect(out.join('')).toBe(xml);
    expect(out.filter((piece) => piece !== '')).toEqual([
      '<row><c>Jüri 🎉</c></row>',
      '<row><c>Дмитрий</c></row>',
      '<row><c>Ελένη</c></row>',
    ]);
  });
});
