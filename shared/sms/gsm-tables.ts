// GSM 03.38 / 3GPP TS 23.038 default alphabet and its extension table, plus one lookup table by UTF-16
// code unit that the hot path reads once per character (no string search, no allocation).

/** The 128 basic-table characters in septet order; 0x1B (ESC) is the escape to the extension table. */
export const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension-table characters: each is sent as ESC + char, so it takes 2 septets. */
export const GSM_EXTENSION = '\f^{}\\[~]|€';

// Bits of CHAR_CLASS. The low two bits are the septet cost (0 for a non-GSM character) so the hot loop
// can add them directly; the other bits are OR-ed together to learn what slow paths a text needs.
export const COST_MASK = 3;
export const NON_GSM = 4;
export const EXTENSION = 8;
/** Extends the previous character (marks, variation selectors, ZWJ): not counted as a character. */
export const EXTEND = 16;
export const HIGH_SURROGATE = 32;
export const CARRIAGE_RETURN = 64;
/** Conjoining Hangul jamo: the one case left to Intl.Segmenter. */
export const JAMO = 128;

// Grapheme_Cluster_Break Extend / SpacingMark / ZWJ in the BMP (halfwidth kana sound marks are Extend
// without being marks). Prepend characters are rare enough to accept a miscount there.
const EXTENDING = /\p{M}|\u200d|[\u200c\uff9e\uff9f]/gu;

function markExtending(table: Uint8Array): void {
  // One regex scan over every BMP character (surrogates excluded) is far cheaper than 60 000 tests.
  for (let start = 0x300; start < 0x10000; start += 0x1000) {
    const codes: number[] = [];
    for (let code = start; code < Math.min(start + 0x1000, 0x10000); code++) {
      if (code < 0xd800 || code > 0xdfff) codes.push(code);
    }
    for (const match of String.fromCharCode(...codes).matchAll(EXTENDING)) {
      table[match[0].charCodeAt(0)]! |= EXTEND;
    }
  }
}

function buildCharClass(): Uint8Array {
  const table = new Uint8Array(0x10000).fill(NON_GSM);
  markExtending(table);
  for (const [from, to] of [
    [0x1100, 0x11ff],
    [0xa960, 0xa97f],
    [0xd7b0, 0xd7ff],
  ] as const) {
    for (let code = from; code <= to; code++) table[code]! |= JAMO;
  }
  for (let code = 0xd800; code <= 0xdbff; code++) table[code]! |= HIGH_SURROGATE;
  for (const ch of GSM_BASIC) if (ch !== '\u001b') table[ch.charCodeAt(0)] = 1;
  for (const ch of GSM_EXTENSION) table[ch.charCodeAt(0)] = 2 | EXTENSION;
  table[13]! |= CARRIAGE_RETURN;
  return table;
}

export const CHAR_CLASS: Uint8Array = buildCharClass();

/** True when the single UTF-16 unit is in the basic or extension table. */
export function isGsmUnit(code: number): boolean {
  return (CHAR_CLASS[code]! & NON_GSM) === 0;
}

/** True when every UTF-16 unit of `text` is a GSM character. */
export function isGsmText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if ((CHAR_CLASS[text.charCodeAt(i)]! & NON_GSM) !== 0) return false;
  return true;
}
