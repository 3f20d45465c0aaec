// Bytes to text the way Excel and booking systems write CSVs: a BOM says UTF-8 or UTF-16; without
// one, UTF-8 is tried strictly and anything that is not valid UTF-8 is read as Windows-1252 (Excel's
// "CSV" on Western Windows), which can decode every byte, so nothing is lost or replaced by "�".

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  hadBom: boolean;
}

/** The encoding a BOM announces, and the BOM's length; null without a BOM. */
export function sniffBom(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM shows itself by NUL bytes in every other position (ASCII text); tell that
 * apart from a binary file, which also has NULs, before refusing the file.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

// Windows-1252's 0x80–0x9F (€, ‚, „, –, —, ’ …). Node's TextDecoder reads 'windows-1252' as Latin-1
// and turns these into invisible control characters, so the code page is decoded here, everywhere.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const step = 8192;
  for (let at = 0; at < bytes.length; at += step) {
    const codes = Array.from(bytes.subarray(at, at + step), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decodeWith(encoding: CsvEncoding, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

export function decodeCsvBytes(bytes: Uint8Array, forced?: CsvEncoding): DecodedText {
  const bom = sniffBom(bytes);
  if (forced) {
    // A forced encoding still drops its own BOM, so it never ends up in the first column's name.
    const skip = bom && bom.encoding === forced ? bom.length : 0;
    return { text: decodeWith(forced, bytes.subarray(skip)), encoding: forced, hadBom: skip > 0 };
  }
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      hadBom: true,
    };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, hadBom: false };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      hadBom: false,
    };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false };
  }
}

/**
 * A decoder fed chunk by chunk. UTF-8 that turns out invalid part-way cannot be switched in place
 * (rows already handed on were decoded as UTF-8), so `push` reports it and the caller starts over
 * from the first byte with Windows-1252: the importer keeps the raw chunks for that (see importer.ts).
 */
export interface StreamDecoder {
  readonly encoding: CsvEncoding;
  readonly hadBom: boolean;
  /** True when decoding may still fail (unmarked UTF-8), so the raw bytes must be kept for a replay. */
  readonly strict: boolean;
  /** Text of this chunk, or null when the bytes are not valid in the strict encoding. */
  push(chunk: Uint8Array, last: boolean): string | null;
}

const DECODE_PIECE = 512 * 1024;

export function createStreamDecoder(first: Uint8Array, forced?: CsvEncoding): StreamDecoder {
  const bom = sniffBom(first);
  let encoding: CsvEncoding;
  let skip = 0;
  if (forced) {
    encoding = forced;
    if (bom && bom.encoding === forced) skip = bom.length;
  } else if (bom) {
    encoding = bom.encoding;
    skip = bom.length;
  } else {
    encoding = sniffUtf16WithoutBom(first) ?? 'utf-8';
  }
  // Only a guess is checked strictly: a BOM or a forced encoding is trusted (bad bytes become "�").
  const strict = encoding === 'utf-8' && !forced && !bom;
  // Windows-1252 is one byte per character, so it needs no streaming state.
  const decoder =
    encoding === 'windows-1252' ? null : new TextDecoder(encoding, strict ? { fatal: true } : undefined);
  let failed = false;
  return {
    encoding,
    hadBom: skip > 0,
    strict,
    push(chunk, last) {
      if (failed) return null;
      const bytes = skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
      try {
        if (!decoder) return decodeWindows1252(bytes);
        if (bytes.length <= DECODE_PIECE) return decoder.decode(bytes, { stream: !last });
        // Node's streaming TextDecoder returns a two-byte string for an input over ~1 MB even when
        // every character is Latin-1: twice the memory for every value cut from it, and a slower
        // import. Pieces of 512 KB come back one-byte; the decoder's state carries across them.
        let text = '';
        for (let at = 0; at < bytes.length; at += DECODE_PIECE) {
          const end = Math.min(at + DECODE_PIECE, bytes.length);
          text += decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length || !last });
        }
        return text;
      } catch {
        failed = true;
        return null;
      }
    },
  };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The chunks of a file as one array; a single chunk is returned as it is, without a copy. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
