// Rendering a row and counting its GSM-7 septets in the same pass, for previewRow()'s fast path. The
// literals of a template are the same for every row, so their septets and character classes are
// counted once per template; per row only the merged values are read. The rendered text is then never
// read back (a concatenated string read character by character is first copied flat), which is what
// the general path did three times over: autoconvert's GSM check, the segment count, and the compare.
import { CHAR_CLASS, COST_MASK } from './gsm-tables';
import { slotValue, type CompiledTemplate, type RowTimeContext } from './template';

interface LiteralStats {
  septets: number;
  /** CHAR_CLASS bits of every literal character, OR-ed. */
  flags: number;
  length: number;
}

const literalStats = new WeakMap<CompiledTemplate, LiteralStats>();

function statsOf(t: CompiledTemplate): LiteralStats {
  let stats = literalStats.get(t);
  if (stats === undefined) {
    stats = { septets: 0, flags: 0, length: 0 };
    for (const literal of t.literals) {
      stats.length += literal.length;
      for (let i = 0; i < literal.length; i++) {
        const k = CHAR_CLASS[literal.charCodeAt(i)]!;
        stats.septets += k & COST_MASK;
        stats.flags |= k;
      }
    }
    literalStats.set(t, stats);
  }
  return stats;
}

export interface CountedRender {
  text: string;
  emptyFields: string[];
  /** Septets of the text read as GSM-7 (a non-GSM character counts 0: see `flags`). */
  septets: number;
  /** CHAR_CLASS bits of every character of the text, OR-ed. */
  flags: number;
  length: number;
}

/**
 * renderTemplate(), plus the text's septets and character-class bits (see CountedRender); `time` is
 * the row's appointment for `{{column|time}}` and its kin, counted like any merged value.
 */
export function renderCounted(
  t: CompiledTemplate,
  fields: readonly string[],
  time: RowTimeContext | null = null,
): CountedRender {
  const stats = statsOf(t);
  let septets = stats.septets;
  let flags = stats.flags;
  let length = stats.length;
  let text = t.literals[0]!;
  const emptyFields: string[] = [];
  for (let s = 0; s < t.slots.length; s++) {
    const value = slotValue(t.slots[s]!, fields, emptyFields, time);
    for (let i = 0; i < value.length; i++) {
      const k = CHAR_CLASS[value.charCodeAt(i)]!;
      septets += k & COST_MASK;
      flags |= k;
    }
    length += value.length;
    text += value + t.literals[s + 1]!;
  }
  return { text, emptyFields, septets, flags, length };
}
