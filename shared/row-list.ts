// Row numbers as an operator types them: `all`, or numbers and ranges like `3, 7, 12-20`. Used by
// `omnicast unknown --mark-sent/--send-again` and by the report's decision about unknown rows.

/** One range, and the whole list, may name at most this many rows: a typo, not a campaign. */
export const MAX_LISTED_ROWS = 1_000_000;

export type RowListResult =
  /** rows: sorted, without repeats; null = all. */
  | { ok: true; rows: readonly number[] | null }
  /** message: the bad part quoted, and why, e.g. `"20-12" is reversed: write 12-20`. */
  | { ok: false; message: string };

export function parseRowList(text: string): RowListResult {
  const bad = (part: string, why: string): RowListResult => ({ ok: false, message: `"${part}" ${why}` });
  if (text.trim().toLowerCase() === 'all') return { ok: true, rows: null };
  const limit = MAX_LISTED_ROWS.toLocaleString('en');
  // A Set: a repeated row would otherwise count as "not unknown, left alone" the second time.
  const rows = new Set<number>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return bad(part, 'is not a row number or a range of rows');
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1) {
      return bad(part, 'is not a row number the spreadsheet could show');
    }
    if (to < from) return bad(part, `is reversed: write ${to}-${from}`);
    if (to - from + 1 > MAX_LISTED_ROWS) return bad(part, `names more than ${limit} rows`);
    for (let row = from; row <= to; row++) rows.add(row);
    if (rows.size > MAX_LISTED_ROWS) return bad(text, `names more than ${limit} rows`);
  }
  return { ok: true, rows: [...rows].sort((a, b) => a - b) };
}
