// A long message as the network delivers it: one string per segment, cut where the segments are cut
// (never inside an escape pair or a surrogate pair), so the operator can see where each part ends.
import { COST_MASK, CHAR_CLASS } from './gsm-tables';
import { countSegments, segmentUnitsOf } from './segments';

/** The segments of `text` in order ([] for an empty text); joined they give `text` back. */
export function splitSegments(text: string): string[] {
  const units = segmentUnitsOf(text);
  if (units.length <= 1) return units.length === 0 ? [] : [text];
  const gsm = countSegments(text).encoding === 'GSM-7';
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  for (const size of units) {
    let used = 0;
    // GSM-7 counts septets (an extension character is two); UCS-2 counts UTF-16 code units.
    while (i < text.length && used < size) {
      used += gsm ? CHAR_CLASS[text.charCodeAt(i)]! & COST_MASK : 1;
      i++;
    }
    parts.push(text.slice(start, i));
    start = i;
  }
  if (start < text.length) parts[parts.length - 1] += text.slice(start);
  return parts;
}
