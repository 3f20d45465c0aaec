// Preview of Messente's autoconvert: `off` sends the text as is, `on` applies the account's replacement
// table, `full` also replaces every other non-GSM character that has a close GSM one. Messente does not
// publish its `full` table, so ours is a model: typographic marks, accented Latin letters to their base
// letter (GSM letters such as é, ü, ñ, Ä, Ø, å stay), compatibility forms (ligatures, full-width, ™).
// Characters without a sensible replacement (Cyrillic, Greek lower case, CJK, emoji) stay, and keep
// the text UCS-2.
import type { Autoconvert } from '../types';
import { CHAR_CLASS, NON_GSM, isGsmText } from './gsm-tables';
import { DEFAULT_REPLACEMENTS, type ReplacementTable } from './replacements';

export interface Replacement {
  from: string;
  to: string;
  /** UTF-16 index of `from` in the original text. */
  index: number;
}

export interface AutoconvertResult {
  text: string;
  replacements: Replacement[];
}

// Letters that do not decompose under Unicode normalisation but have an obvious Latin spelling.
const FULL_EXTRA: ReplacementTable = {
  '\t': ' ',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  ƒ: 'f',
  '\u00d7': 'x',
  '\u00f7': '/',
  '\u2044': '/',
  '\u00a9': '(c)',
  '\u00ae': '(R)',
  '\u00a6': '|',
};

const MARKS = /\p{M}/gu;
const fullCache = new Map<string, string | null>();

/** The close GSM spelling of one non-GSM character under `full`, or null when there is none. */
export function fullReplacement(ch: string): string | null {
  const cached = fullCache.get(ch);
  if (cached !== undefined) return cached;
  let result: string | null = FULL_EXTRA[ch] ?? DEFAULT_REPLACEMENTS[ch] ?? null;
  if (result === null) {
    // NFKD splits é into e + accent and ﬁ into f i; dropping the marks leaves the base letters.
    let base = '';
    for (const part of ch.normalize('NFKD').replace(MARKS, '')) {
      base += isGsmText(part) ? part : (FULL_EXTRA[part] ?? DEFAULT_REPLACEMENTS[part] ?? part);
    }
    result = base !== '' && base !== ch && isGsmText(base) ? base : null;
  }
  fullCache.set(ch, result);
  return result;
}

function isCombiningMark(ch: string): boolean {
  MARKS.lastIndex = 0;
  return MARKS.test(ch);
}

/** The text as Messente will send it under `mode`, with every replacement made (indices in `text`). */
export function applyAutoconvert(
  text: string,
  mode: Autoconvert,
  table: ReplacementTable,
): AutoconvertResult {
  const replacements: Replacement[] = [];
  if (mode === 'off' || isGsmText(text)) return { text, replacements };
  let out = '';
  let copied = 0; // text before this index is already in `out`
  for (let i = 0; i < text.length; i++) {
    if ((CHAR_CLASS[text.charCodeAt(i)]! & NON_GSM) === 0) continue;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const index = i;
    i += ch.length - 1;
    let to: string | null = Object.hasOwn(table, ch) ? table[ch]! : null;
    if (to === null && mode === 'full') to = fullReplacement(ch);
    out += text.slice(copied, index);
    copied = i + 1;
    if (to !== null) {
      out += to;
      replacements.push({ from: ch, to, index });
    } else if (mode === 'full' && isCombiningMark(ch) && out !== '' && isGsmText(out.slice(-1))) {
      // A decomposed accent (e + U+0301): recompose when the result is a GSM letter (é), else drop it.
      const prev = out.slice(-1);
      const composed = (prev + ch).normalize('NFC');
      const last = replacements[replacements.length - 1];
      const prevReplaced = last !== undefined && last.index + last.from.length === index;
      if (composed.length === 1 && isGsmText(composed)) {
        out = out.slice(0, -1) + composed;
        if (prevReplaced) {
          last.from += ch;
          last.to = last.to.slice(0, -1) + composed;
        } else replacements.push({ from: prev + ch, to: composed, index: index - 1 });
      } else replacements.push({ from: ch, to: '', index });
    } else {
      out += ch;
    }
  }
  return { text: out + text.slice(copied), replacements };
}
