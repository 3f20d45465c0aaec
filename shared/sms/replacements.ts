// Replacement tables: Messente's `autoconvert: on` applies the account's table of substitutions. We ship
// the common typographic ones and let the operator edit them as plain text in Settings.
import { isGsmText } from './gsm-tables';

/** One non-GSM character → what is sent instead (may be several characters, or none). */
export type ReplacementTable = Record<string, string>;

const SPACES = '\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';

function entries(chars: string, to: string): [string, string][] {
  return [...chars].map((ch) => [ch, to]);
}

/**
 * Common typographic substitutions (what word processors and phones type instead of ASCII). Tab is not
 * here: it is only replaced by `full`, because an account table that keeps it is as likely as one that
 * does not, and predicting UCS-2 for a tab is the cautious (never cheaper than billed) choice.
 */
export const DEFAULT_REPLACEMENTS: ReplacementTable = Object.freeze(
  Object.fromEntries([
    ...entries('\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a', "'"),
    ...entries('\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb', '"'),
    ...entries('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-'),
    ['\u2026', '...'],
    ...entries(SPACES, ' '),
    ...entries('\u200b\u2060\ufeff\u00ad', ''),
    ...entries('\u2022\u2023\u2043\u25e6\u2219', '-'),
  ]),
) as ReplacementTable;

// Characters written as \u{…} in the text form: anything invisible or ambiguous around `=>`.
const NEEDS_ESCAPE = /^[\p{Z}\p{C}\p{M}\\]$|^ $/u;

function escapeChars(text: string): string {
  let out = '';
  for (const ch of text) {
    out += NEEDS_ESCAPE.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}` : ch;
  }
  return out;
}

/** Resolves \u{…}, \uXXXX, \t and \\ escapes; null when an escape is malformed. */
function unescapeChars(text: string): string | null {
  let ok = true;
  const out = text.replace(
    /\\(u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|t|\\|.?)/g,
    (_m, body: string, braced?: string, four?: string) => {
      const hex = braced ?? four;
      if (hex !== undefined) {
        const code = parseInt(hex, 16);
        if (code <= 0x10ffff) return String.fromCodePoint(code);
      } else if (body === 't') return '\t';
      else if (body === '\\') return '\\';
      ok = false;
      return '';
    },
  );
  return ok ? out : null;
}

/** One `from => to` per line, sorted by code point so that the text diffs well. */
export function formatReplacementTable(table: ReplacementTable): string {
  return Object.keys(table)
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .map((from) => `${escapeChars(from)} => ${escapeChars(table[from]!)}`)
    .join('\n');
}

/**
 * Parses the Settings text form. Blank lines and lines starting with `#` are ignored; whitespace around
 * both sides is trimmed, so a space is written `\u{20}` and an empty right side deletes the character.
 */
export function parseReplacementTable(text: string): { table: ReplacementTable; problems: string[] } {
  const table: ReplacementTable = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const arrow = trimmed.indexOf('=>', 1);
    if (arrow < 0) {
      problems.push(`Line ${line}: expected "character => replacement", found "${trimmed}".`);
      return;
    }
    const from = unescapeChars(trimmed.slice(0, arrow).trim());
    const to = unescapeChars(trimmed.slice(arrow + 2).trim());
    if (from === null || to === null) {
      problems.push(`Line ${line}: a backslash escape is not valid (write \\u{2019}, \\t or \\\\).`);
    } else if ([...from].length !== 1) {
      problems.push(`Line ${line}: "${from}" must be exactly one character.`);
    } else if (isGsmText(from)) {
      problems.push(
        `Line ${line}: "${escapeChars(from)}" is already a GSM character, so it is never replaced.`,
      );
    } else {
      if (Object.hasOwn(table, from))
        problems.push(`Line ${line}: "${escapeChars(from)}" is listed again; this line wins.`);
      table[from] = to;
    }
  });
  return { table, problems };
}
