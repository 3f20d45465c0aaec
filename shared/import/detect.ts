// Guesses made from the first part of a file: line ending, delimiter, header row, column names and
// the phone column. Each guess can be overridden by an import option.
import Papa from 'papaparse';
import { countryFromCell } from './country';
import { normalizePhone } from './phone';

/** Data rows phoneCandidates() judges the columns on. */
export const PHONE_SAMPLE_ROWS = 200;

export const DELIMITERS = [',', ';', '\t', '|'] as const;

interface RawParse {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/**
 * Papa's low-level parser: no header handling, one fixed delimiter and newline, resumable by cursor.
 * `limit` stops after that many records: the ones returned are the same as without it (with a
 * limit, only `data` is meaningful: the cursor and errors may be those of a prefix).
 */
export function parseRecords(
  text: string,
  delimiter: string,
  newline: string,
  ignoreLastRow: boolean,
  limit?: number,
): RawParse {
  if (limit !== undefined && text.length > LIMITED_PREFIX) {
    // Papa splits its whole input into lines before `preview` stops it: on a 4 MB sample that is ~10 ms
    // per call, and layout detection makes five. A prefix that holds `limit` complete records (the
    // last, possibly cut one is held back) gives the same records.
    const prefix = parseWith(text.slice(0, LIMITED_PREFIX), delimiter, newline, true, limit);
    if (prefix.data.length >= limit) return prefix;
  }
  return parseWith(text, delimiter, newline, ignoreLastRow, limit);
}

const LIMITED_PREFIX = 256 * 1024;

function parseWith(
  text: string,
  delimiter: string,
  newline: string,
  ignoreLastRow: boolean,
  limit: number | undefined,
): RawParse {
  const parser = new Papa.Parser({ delimiter, newline: newline as '\n' | '\r', preview: limit });
  return parser.parse(text, 0, ignoreLastRow) as RawParse;
}

/** "\n" whenever the text has one (a stray "\r" before it is trimmed off later); old Mac files use "\r". */
export function detectNewline(text: string): string {
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

export function isBlank(record: readonly string[]): boolean {
  for (const value of record) if (value.trim() !== '') return false;
  return true;
}

/** The field count most records share (ignoring blank lines), and how many share it; ties go to the earliest. */
function dominantCount(records: readonly string[][]): { count: number; share: number } {
  const tally = new Map<number, number>();
  for (const record of records) {
    if (isBlank(record)) continue;
    tally.set(record.length, (tally.get(record.length) ?? 0) + 1);
  }
  let best = { count: 0, share: 0 };
  // Map iteration follows first appearance, so a strict ">" keeps the earliest width on a tie.
  for (const [count, share] of tally) if (share > best.share) best = { count, share };
  return best;
}

/** The delimiter that splits the sample into the most records of one consistent width above 1. */
export function detectDelimiter(sample: string, newline: string): string {
  let best: { delimiter: string; share: number; count: number } = { delimiter: ',', share: 0, count: 0 };
  for (const delimiter of DELIMITERS) {
    // Only the first 100 records count: parsing the whole 4 MB sample four times cost ~150 ms.
    const records = parseRecords(sample, delimiter, newline, true, 100).data;
    const { count, share } = dominantCount(records);
    if (count < 2) continue;
    if (share > best.share || (share === best.share && count > best.count))
      best = { delimiter, share, count };
  }
  return best.delimiter;
}

const NUMERIC = /^[\s+\-()./\d]*\d[\s+\-()./\d]*$/;

/**
 * 0-based index of the header record: the first record as wide as most records whose cells look like
 * names (not numbers); title lines above it ("Customers, March 2025") are narrower, so they are skipped.
 */
export function detectHeaderIndex(records: readonly string[][]): number {
  const { count } = dominantCount(records.slice(0, 50));
  let firstWide = -1;
  for (let i = 0; i < records.length && i < 50; i++) {
    const record = records[i];
    if (!record || record.length !== count || isBlank(record)) continue;
    if (firstWide < 0) firstWide = i;
    const named = record.filter((v) => v.trim() !== '' && !NUMERIC.test(v)).length;
    if (named >= Math.ceil(count / 2)) return i;
  }
  return Math.max(firstWide, 0);
}

/** Trimmed, unique, non-empty column names, with a sentence for each one that had to change. */
export function uniqueHeader(
  record: readonly string[],
  width: number,
): { header: string[]; issues: string[] } {
  const header: string[] = [];
  const issues: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < width; i++) {
    const original = (record[i] ?? '').trim();
    let name = original === '' ? `column_${i + 1}` : original;
    if (original === '') issues.push(`Column ${i + 1} has no name: it is called "${name}".`);
    if (used.has(name.toLowerCase())) {
      let n = 2;
      while (used.has(`${name}_${n}`.toLowerCase())) n++;
      issues.push(
        `The column name "${name}" appears more than once: column ${i + 1} is called "${name}_${n}".`,
      );
      name = `${name}_${n}`;
    }
    used.add(name.toLowerCase());
    header.push(name);
  }
  return { header, issues };
}

// Stems of "phone" in the languages of Omnicast's users; a word of the name must start with one
// (so "Telefon" and "Mobiltelefon" count, "Hotel" does not).
const STRONG_NAMES = [
  'phone',
  'mobile',
  'tel',
  'cell',
  'gsm',
  'msisdn',
  'sms',
  'telefon',
  'mobiil',
  'puhelin',
  'matkapuhelin',
  'kännykkä',
  'handy',
  'телефон',
  'мобильн',
  'téléphone',
  'portable',
  'móvil',
  'movil',
  'celular',
  'cellulare',
  'teléfono',
  'telefono',
  'telefone',
  'tālrun',
  'talrun',
  'mobil',
  'komórk',
  'komork',
  'whatsapp',
  'e164',
  'e.164',
];
const WEAK_NAMES = ['number', 'numer', 'nummer', 'numero', 'número', 'номер', 'nr', 'no'];

export function nameScore(name: string): number {
  const words = name.toLowerCase().split(/[^\p{L}\d.]+/u);
  if (words.some((word) => STRONG_NAMES.some((stem) => word.startsWith(stem)))) return 0.5;
  return WEAK_NAMES.some((word) => words.includes(word)) ? 0.2 : 0;
}

/**
 * Columns that could hold phone numbers, best first: the share of sample cells that normalise, plus a
 * bonus for a telling name. A column qualifies with half its cells valid, or with a phone-like name.
 */
export function phoneCandidates(
  header: readonly string[],
  rows: readonly string[][],
  country: string,
  countryColumn: number | null = null,
): number[] {
  const scored: { index: number; score: number }[] = [];
  const sample = rows.slice(0, PHONE_SAMPLE_ROWS);
  for (let index = 0; index < header.length; index++) {
    let filled = 0;
    let valid = 0;
    for (const row of sample) {
      const value = (row[index] ?? '').trim();
      if (value === '') continue;
      filled++;
      const own = countryColumn === null ? null : countryFromCell(row[countryColumn] ?? '');
      if (normalizePhone(value, own ?? country).ok) valid++;
    }
    const score = (filled === 0 ? 0 : valid / filled) + nameScore(header[index] ?? '');
    if (score >= 0.5) scored.push({ index, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((c) => c.index);
}
