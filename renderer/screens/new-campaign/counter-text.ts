// The live counter's words, shared by the counter, the row detail and their specs: "GSM-7 · 42 characters · 1 segment".
import type { SegmentCount } from '../../../shared/sms';

type CounterFigures = Pick<SegmentCount, 'encoding' | 'characters' | 'segments'>;

export function counterText(count: CounterFigures): string {
  const chars = `${count.characters} character${count.characters === 1 ? '' : 's'}`;
  const segs = `${count.segments} segment${count.segments === 1 ? '' : 's'}`;
  return `${count.encoding === 'UCS-2' ? 'UCS-2 (Unicode)' : 'GSM-7'} · ${chars} · ${segs}`;
}

/** Line and column (1-based) of a UTF-16 index, as an editor shows positions. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * A character's code point as "U+2019" so invisible ones (no-break space) can still be named; a
 * character made of several (a pair, a sequence) names each: "U+1F44D U+1F3FD".
 */
export function codePointLabel(char: string): string {
  return [...char]
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
