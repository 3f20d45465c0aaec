// The parts of a ZIP archive (an .xlsx or .ods file) found through its central directory, so that one
// part can be inflated piece by piece: a sheet of a million rows never becomes one string. Inflating
// is fflate's (plain JavaScript, the same everywhere) unless the caller has a native inflater, as
// Node's zlib in main and the CLI, which is three times faster on a sheet.
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
  compressedSize: number;
  /** The size the entry says it inflates to (a damaged or hostile file may lie). */
  size: number;
}

/**
 * A native inflater of raw deflate data: the whole part at once, or null when it would inflate to more
 * than `maxBytes` or cannot be inflated (then the part is streamed through fflate, which says why).
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array | null;

/** The most a part is inflated to at once by a native inflater; larger parts are streamed. */
export const NATIVE_INFLATE_BYTES = 128 * 1024 * 1024;

/** Thrown for an archive whose structure cannot be read; the caller words it for the file. */
export class ZipDamaged extends Error {}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function endOfDirectory(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65 535.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(bytes, at) === 0x06054b50) return at;
  }
  throw new ZipDamaged('no end of central directory');
}

/** Every entry of the archive by name. Throws ZipDamaged. */
function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const end = endOfDirectory(bytes);
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (at === 0xffffffff || count === 0xffff) {
    // ZIP64: the real figures are in the ZIP64 end record, found through its locator.
    const record = u64(bytes, end - 20 + 8);
    if (u32(bytes, end - 20) !== 0x07064b50 || u32(bytes, record) !== 0x06064b50) {
      throw new ZipDamaged('bad ZIP64 end record');
    }
    count = u64(bytes, record + 32);
    at = u64(bytes, record + 48);
  }
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new ZipDamaged('bad central directory');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(bytes, at + 20);
    let offset = u32(bytes, at + 42);
    let size = u32(bytes, at + 24);
    // ZIP64 sizes and offset sit in an extra field, each only when its 32-bit field is full.
    for (let e = at + 46 + nameLength; e < at + 46 + nameLength + extraLength; e += 4 + u16(bytes, e + 2)) {
      if (u16(bytes, e) !== 1) continue;
      let field = e + 4;
      if (size === 0xffffffff) size = u64(bytes, (field += 8) - 8);
      if (compressedSize === 0xffffffff) compressedSize = u64(bytes, (field += 8) - 8);
      if (offset === 0xffffffff) offset = u64(bytes, field);
    }
    entries.set(name, { name, method: u16(bytes, at + 10), offset, compressedSize, size });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

function compressed(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (u32(bytes, entry.offset) !== 0x04034b50) throw new ZipDamaged(`bad local header for ${entry.name}`);
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipDamaged(`${entry.name} is cut short`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipDamaged(`${entry.name}: method ${entry.method}`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Compressed bytes inflated per push: a few MB of XML at a time (smaller pushes cost more). */
const PUSH_BYTES = 256 * 1024;
/** Inflated bytes handed on per piece when a part was inflated whole. */
const WHOLE_PIECE_BYTES = 2 * 1024 * 1024;

type OnData = (piece: Uint8Array, last: boolean, fraction: number) => boolean;

/** Hands on bytes already in memory piece by piece, the share read as the fraction. */
function pieceByPiece(data: Uint8Array, pieceBytes: number, onData: OnData): void {
  for (let at = 0; at < data.length || at === 0; at += pieceBytes) {
    const end = Math.min(at + pieceBytes, data.length);
    if (!onData(data.subarray(at, end), end >= data.length, end / Math.max(data.length, 1))) return;
  }
}

/** A workbook file's parts, read whole or piece by piece. Throws ZipDamaged. */
export class ZipArchive {
  readonly parts: Map<string, ZipEntry>;

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflateRaw?: InflateRaw,
  ) {
    this.parts = zipEntries(bytes);
  }

  /** The part inflated whole by the native inflater, when there is one and the part is not too large. */
  private native(entry: ZipEntry, data: Uint8Array): Uint8Array | null {
    if (!this.inflateRaw || entry.method !== 8 || entry.size > NATIVE_INFLATE_BYTES) return null;
    return this.inflateRaw(data, NATIVE_INFLATE_BYTES);
  }

  /** The part's bytes as stored in the file (deflated, or stored as they are). */
  compressed(entry: ZipEntry): Uint8Array {
    return compressed(this.bytes, entry);
  }

  /** A small part whole (a workbook's sheet list, its styles). */
  read(entry: ZipEntry): Uint8Array {
    const data = compressed(this.bytes, entry);
    if (entry.method === 0) return data;
    const native = this.native(entry, data);
    if (native) return native;
    try {
      return inflateSync(data);
    } catch {
      throw new ZipDamaged(`${entry.name} cannot be inflated`);
    }
  }

  /**
   * Inflates the entry piece by piece: `onData` gets each piece, `last` on the final one, and the
   * share of the entry read so far (0–1); it returns false to stop early.
   */
  stream(entry: ZipEntry, onData: OnData): void {
    const data = compressed(this.bytes, entry);
    if (entry.method === 0) return pieceByPiece(data, PUSH_BYTES, onData);
    const native = this.native(entry, data);
    if (native) return pieceByPiece(native, WHOLE_PIECE_BYTES, onData);
    let fraction = 0;
    let stopped = false;
    let ended = false;
    const inflate = new Inflate((piece, final) => {
      if (stopped) return;
      ended = final;
      stopped = !onData(piece, final, fraction);
    });
    try {
      for (let at = 0; at < data.length && !stopped; at += PUSH_BYTES) {
        const end = Math.min(at + PUSH_BYTES, data.length);
        fraction = end / data.length;
        inflate.push(data.subarray(at, end), end >= data.length);
      }
    } catch {
      throw new ZipDamaged(`${entry.name} cannot be inflated`);
    }
    if (!stopped && !ended) onData(new Uint8Array(0), true, 1);
  }
}
