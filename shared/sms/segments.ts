// Encoding and segment count of one SMS text: the hot path of every preview, so it makes one pass over
// the UTF-16 units with a table lookup each, and only walks the text again for the rare cases that need
// it (concatenated texts with escape or surrogate pairs, surrogates or CR for the character count).
import type { Encoding } from '../types';
import {
  CARRIAGE_RETURN,
  CHAR_CLASS,
  COST_MASK,
  EXTEND,
  EXTENSION,
  HIGH_SURROGATE,
  JAMO,
  NON_GSM,
} from './gsm-tables';

export const GSM_SINGLE = 160;
export const GSM_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

export interface SegmentCount {
  encoding: Encoding;
  /** User-perceived characters (grapheme clusters): "é" typed as e + accent, 👍🏽 and CRLF count as 1. */
  characters: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** Billed parts. An empty text is 0 segments: nothing is sent, so nothing is billed. */
  segments: number;
}

/** Encoding, characters, units and segments of `text`, as Messente bills it. */
export function countSegments(text: string): SegmentCount {
  const length = text.length;
  let septets = 0;
  let flags = 0;
  for (let i = 0; i < length; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)]!;
    septets += k & COST_MASK;
    flags |= k;
  }
  const gsm = (flags & NON_GSM) === 0;
  const units = gsm ? septets : length;
  let segments: number;
  if (units === 0) segments = 0;
  else if (units <= (gsm ? GSM_SINGLE : UCS2_SINGLE)) segments = 1;
  else if ((flags & (gsm ? EXTENSION : HIGH_SURROGATE)) === 0)
    segments = Math.ceil(units / (gsm ? GSM_PART : UCS2_PART));
  else segments = packParts(text, gsm, null);
  let characters = length;
  if ((flags & (EXTEND | HIGH_SURROGATE | CARRIAGE_RETURN | JAMO)) !== 0) {
    characters = (flags & JAMO) === 0 ? countCharacters(text) : countGraphemes(text);
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', characters, units, segments };
}

/** Units in each segment, in order ([] for an empty text); the sum equals `countSegments(text).units`. */
export function segmentUnitsOf(text: string): number[] {
  const { encoding, units } = countSegments(text);
  if (units === 0) return [];
  const gsm = encoding === 'GSM-7';
  if (units <= (gsm ? GSM_SINGLE : UCS2_SINGLE)) return [units];
  const out: number[] = [];
  packParts(text, gsm, out);
  return out;
}

function isPair(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1); // NaN past the end: the comparison is then false
  return (CHAR_CLASS[text.charCodeAt(i)]! & HIGH_SURROGATE) !== 0 && next >= 0xdc00 && next <= 0xdfff;
}

/**
 * Fills concatenated parts greedily, never splitting an escape pair (GSM-7) or a surrogate pair (UCS-2):
 * a pair that would straddle the boundary starts the next part, leaving one unit unused.
 */
function packParts(text: string, gsm: boolean, out: number[] | null): number {
  const capacity = gsm ? GSM_PART : UCS2_PART;
  let parts = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    let width = 1;
    if (gsm) width = CHAR_CLASS[text.charCodeAt(i)]! & COST_MASK;
    else if (isPair(text, i)) {
      width = 2;
      i++;
    }
    if (used + width > capacity) {
      out?.push(used);
      parts++;
      used = 0;
    }
    used += width;
  }
  out?.push(used);
  return parts;
}

const ZWJ = 0x200d;

/**
 * Grapheme clusters without Intl.Segmenter (which costs microseconds per text): the rules that occur in
 * messages (UAX #29 GB3 CR LF, GB9/9a extend and spacing marks, GB11 ZWJ emoji sequences, GB12/13 flag
 * pairs, skin tones and emoji tags as extenders). Hangul jamo texts go to Intl.Segmenter instead.
 */
function countCharacters(text: string): number {
  let count = 0;
  let afterZwj = false;
  let openFlag = false; // an odd regional indicator waits for its pair
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (isPair(text, i)) code = text.codePointAt(i++)!;
    const joined = afterZwj;
    afterZwj = false;
    if (code < 0x10000) {
      openFlag = false;
      if ((CHAR_CLASS[code]! & EXTEND) !== 0) {
        afterZwj = code === ZWJ;
        continue;
      }
      if (joined && code >= 0x2000 && code < 0x3300) continue; // a BMP pictograph after ZWJ (❤ in 👩‍❤️‍👨)
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else if ((code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f)) {
      continue; // skin tone modifier, emoji tag
    } else if (code >= 0x1f1e6 && code <= 0x1f1ff) {
      openFlag = !openFlag;
      if (!openFlag) continue; // second half of a flag
    } else {
      openFlag = false;
      if (joined) continue;
    }
    count++;
  }
  return count;
}

let segmenter: Intl.Segmenter | undefined;

function countGraphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
