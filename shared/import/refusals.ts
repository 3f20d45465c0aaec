// Files that are not recipient lists, refused with one sentence that names the file and says what
// to do. Checked on the first bytes, before anything is imported, so nothing is half-imported.
import { sniffBom, sniffUtf16WithoutBom, type CsvEncoding } from './decode';

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook or a ZIP archive'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/** One sentence when `head` (the first bytes) cannot be a CSV file, else null. */
export function refusal(head: Uint8Array, fileName: string, forced?: CsvEncoding): string | null {
  const name = `"${fileName}"`;
  const bom = sniffBom(head);
  const utf16 =
    forced === 'utf-16le' ||
    forced === 'utf-16be' ||
    bom?.encoding.startsWith('utf-16') ||
    sniffUtf16WithoutBom(head);
  const start = bom ? bom.length : 0;
  if ([0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => head[i] === byte)) {
    return `${name} is an old Excel (.xls) or Word file, which Omnicast cannot read: open it in Excel and save it as an Excel workbook (.xlsx) or as "CSV UTF-8", and choose that file.`;
  }
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) {
      return `${name} is ${what}, not a CSV file: save it as "CSV UTF-8" from your spreadsheet and choose that file.`;
    }
  }
  // Skip whitespace to see the first real character. UTF-16 is read by code unit: a byte on its own
  // is half a character there (Cyrillic "д" is 0x34 0x04), never a control character.
  let first = -1;
  let controls = 0;
  const end = Math.min(head.length, 64 * 1024);
  const step = utf16 ? 2 : 1;
  const bigEndian = forced === 'utf-16be' || (forced === undefined && isBigEndian(head, bom?.encoding));
  for (let i = start; i + step <= end; i += step) {
    const low = head[i] ?? 0;
    const code = !utf16 ? low : bigEndian ? (low << 8) | (head[i + 1] ?? 0) : low | ((head[i + 1] ?? 0) << 8);
    if (code === 0 && !utf16) {
      return `${name} is not a CSV file: it contains binary data (NUL bytes). Export the list as CSV and try again.`;
    }
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++;
    if (first < 0 && code !== 0 && code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)
      first = code;
  }
  if (first < 0) return `${name} is empty: it has no rows at all.`;
  if (controls > end / step / 100) {
    return `${name} is not a CSV file: it contains binary data. Export the list as CSV and try again.`;
  }
  if (first === 0x7b || first === 0x5b) {
    return `${name} does not look like a CSV file: it starts with "${String.fromCharCode(first)}", like JSON. Export the list as CSV and try again.`;
  }
  return null;
}

function isBigEndian(head: Uint8Array, bom: CsvEncoding | undefined): boolean {
  if (bom) return bom === 'utf-16be';
  return sniffUtf16WithoutBom(head) === 'utf-16be';
}

export function headerOnly(fileName: string): string {
  return `"${fileName}" has column names but no rows of recipients below them.`;
}

export function noPhoneColumn(fileName: string, header: readonly string[]): string {
  return `"${fileName}" has no column that could hold phone numbers (columns: ${header.join(', ')}); add one or name it with the phone column option.`;
}

export function unknownColumn(fileName: string, wanted: string, header: readonly string[]): string {
  return `"${fileName}" has no column named "${wanted}": its columns are ${header.map((h) => `"${h}"`).join(', ')}.`;
}
