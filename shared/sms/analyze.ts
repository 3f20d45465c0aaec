// The template editor's live counter: the segment count plus what the editor highlights.
import { CHAR_CLASS, NON_GSM } from './gsm-tables';
import { countSegments, segmentUnitsOf, type SegmentCount } from './segments';

export interface Ucs2Char {
  /** The character (a whole surrogate pair for an emoji). */
  char: string;
  /** UTF-16 index in the text, as a textarea's selectionStart counts. */
  index: number;
}

export interface TextAnalysis extends SegmentCount {
  /** Units in each segment, in order. */
  segmentUnits: number[];
  /** Every character that forces UCS-2, in order (empty for a GSM-7 text). */
  ucs2Chars: Ucs2Char[];
}

export function analyzeText(text: string): TextAnalysis {
  const count = countSegments(text);
  const ucs2Chars: Ucs2Char[] = [];
  if (count.encoding === 'UCS-2') {
    for (let i = 0; i < text.length; i++) {
      if ((CHAR_CLASS[text.charCodeAt(i)]! & NON_GSM) === 0) continue;
      const char = String.fromCodePoint(text.codePointAt(i)!);
      ucs2Chars.push({ char, index: i });
      i += char.length - 1;
    }
  }
  return { ...count, segmentUnits: segmentUnitsOf(text), ucs2Chars };
}
