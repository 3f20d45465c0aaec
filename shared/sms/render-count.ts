// Rendering a row and counting its GSM-7 septets in the same pass, for previewRow()'s fast path. The
// literals of a template are the same for every row, so their septets and character classes are
// counted once per template; per row only the merged values are read. The rendered text is then never
// read back (a concatenated string read character by character is first copied flat), which is what
// the general path did three times over: autoconvert's GSM check, the segment count, and the compare.
import { CHAR_CLASS, COST_MASK } from './gsm-tables';
import { renderTemplate, usesTimeFormatters, type CompiledTemplate, type RowTimeContext } from './template';

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

/** Counts a whole rendered text: for templates whose values are not the cells as written. */
function countedText(text: string, emptyFields: string[]): CountedRender {
  let septets = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)]!;
    septets += k & COST_MASK;
    flags |= k;
  }
  return { text, emptyFields, septets, flags, length: text.length };
}

/**
 * renderTemplate(), plus the text's septets and character-class bits (see CountedRender). A template
 * formatting the row's appointment (`time` given) is rendered first and counted after; any other
 * keeps the single pass below.
 */
export function renderCounted(
  t: CompiledTemplate,
  fields: readonly string[],
  time: RowTimeContext | null = null,
): CountedRender {
  if (time !== null && usesTimeFormatters(t)) {
    const { text, emptyFields } = renderTemplate(t, fields, time);
    return countedText(text, emptyFields);
  }
  const stats = statsOf(t);
  let septets = stats.septets;
  let flags = stats.flags;
  let length = stats.length;
  let text = t.literals[0]!;
  let emptyFields: string[] | null = null;
  for (let s = 0; s < t.slots.length; s++) {
    const slot = t.slots[s]!;
    let value = fields[slot.column] ?? '';
    if (value.trim() === '') {
      if (slot.fallback !== null) value = slot.fallback;
      else if (!(emptyFields ??= []).includes(slot.name)) emptyFields.push(slot.name);
    }
    for (let i = 0; i < value.length; i++) {
      const k = CHAR_CLASS[value.charCodeAt(i)]!;
      septets += k & COST_MASK;
      flags |= k;
    }
    length += value.length;
    text += value + t.literals[s + 1]!;
  }
  return { text, emptyFields: emptyFields ?? [], septets, flags, length };
}
