// Cuts a decoded CSV text into slices that can be parsed on their own (one per core), each starting
// at a record boundary, and counts the records before each cut so that every slice knows its
// spreadsheet rows. A line break is a boundary when an even number of quotes precedes it; that only
// matches what papaparse does when every quote is a well-formed CSV quote, so any other quote (an
// inch mark in `5"`, a quote after a closing quote, an unclosed quote) makes the split give up (null)
// and the caller imports single-threaded, which is always correct.

export interface TextPart {
  /** Slice of the text: [start, end), the line break at `end` excluded. */
  start: number;
  end: number;
  /** 1-based index of the slice's first record in the whole text (title and header lines included). */
  firstRecord: number;
}

const SPACE = /[ \t\r]/;

/**
 * Up to `parts` slices of `text` (the file's text, final line break already removed) of roughly the
 * sizes given by `shares` (default equal), or null when the quotes are not plain CSV quotes.
 */
export function splitCsvForWorkers(
  text: string,
  parts: number,
  delimiter: string,
  newline: string,
  shares?: readonly number[],
): TextPart[] | null {
  const weights = shares ?? Array.from({ length: parts }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const targets: number[] = [];
  let acc = 0;
  for (let i = 0; i < parts - 1; i++) {
    acc += weights[i] ?? 1;
    targets.push(Math.floor((text.length * acc) / sum));
  }

  const out: TextPart[] = [];
  let start = 0;
  let firstRecord = 1;
  let records = 1; // records started so far (the text's first record counts)
  let inQuotes = false;
  let quote = text.indexOf('"');
  let at = text.indexOf(newline);
  let target = targets.shift();
  while (at >= 0) {
    // Walk the quotes before this line break, checking each one is where papaparse expects it.
    while (quote >= 0 && quote < at) {
      if (!inQuotes) {
        const before = quote === 0 ? newline : text[quote - 1];
        if (before !== delimiter && before !== newline && before !== '\n' && before !== '\r') return null;
        inQuotes = true;
        quote = text.indexOf('"', quote + 1);
        continue;
      }
      if (text[quote + 1] === '"') {
        quote = text.indexOf('"', quote + 2);
        continue;
      }
      let after = quote + 1;
      while (after < text.length && text[after] !== newline && SPACE.test(text[after] as string)) after++;
      if (after < text.length && text[after] !== delimiter && text[after] !== newline) return null;
      inQuotes = false;
      quote = text.indexOf('"', quote + 1);
    }
    if (!inQuotes) {
      records++;
      // Never cut at the very end: a slice of "" would parse to no record instead of a blank one.
      // A slice must not end in "\r" or spaces: papaparse reads `"x"\r` at the end of its input as an
      // unclosed quote, though `"x"\r\n` mid-text is fine. Dropping a "\r" changes no trimmed value;
      // a line ending in spaces is simply not a cut point.
      const end = newline === '\n' && text[at - 1] === '\r' ? at - 1 : at;
      const lastChar = text[end - 1];
      if (
        target !== undefined &&
        at >= target &&
        at + 1 < text.length &&
        lastChar !== ' ' &&
        lastChar !== '\t'
      ) {
        out.push({ start, end, firstRecord });
        start = at + newline.length;
        firstRecord = records;
        target = targets.shift();
      }
    }
    at = text.indexOf(newline, at + newline.length);
  }
  // Quotes after the last line break still have to be well-formed, and closed.
  while (quote >= 0) {
    if (!inQuotes) {
      const before = quote === 0 ? newline : text[quote - 1];
      if (before !== delimiter && before !== newline && before !== '\n' && before !== '\r') return null;
      inQuotes = true;
      quote = text.indexOf('"', quote + 1);
      continue;
    }
    if (text[quote + 1] === '"') {
      quote = text.indexOf('"', quote + 2);
      continue;
    }
    let after = quote + 1;
    while (after < text.length && SPACE.test(text[after] as string)) after++;
    if (after < text.length && text[after] !== delimiter) return null;
    inQuotes = false;
    quote = text.indexOf('"', quote + 1);
  }
  if (inQuotes) return null;
  out.push({ start, end: text.length, firstRecord });
  return out;
}
