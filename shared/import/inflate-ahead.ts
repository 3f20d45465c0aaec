// A workbook's large parts (its sheet, its shared strings, an .ods file's content) inflated before the
// import by the platform's own inflater, DecompressionStream, which a browser's worker has and which
// runs natively: in Chromium about three times faster than fflate's plain JavaScript. It answers
// only asynchronously, and the import reads synchronously, so the parts are inflated first and the
// import takes them from here; anything not found here (a part too large, damaged, or a platform
// without DecompressionStream) is inflated by fflate as before, which says what is wrong.
import { isZip } from './workbook';
import { xlsxSheetPart } from './xlsx';
import { NATIVE_INFLATE_BYTES, ZipArchive, type InflateRaw, type ZipEntry } from './zip';

/** The part inflated whole, or null when it cannot be or would inflate to more than it says. */
async function inflated(zip: ZipArchive, entry: ZipEntry): Promise<Uint8Array | null> {
  const data = zip.compressed(entry);
  const out = new Uint8Array(entry.size);
  let length = 0;
  try {
    const decompress = new DecompressionStream('deflate-raw');
    const writer = decompress.writable.getWriter();
    // Errors reach the reader too: the writer's own promises are only waited on so none is left unhandled.
    // A copy: the stream takes an ArrayBuffer's bytes, where the file's may be any buffer's.
    const written = Promise.all([writer.write(new Uint8Array(data)), writer.close()]).catch(() => undefined);
    const reader = decompress.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > out.length) {
        await reader.cancel();
        return null;
      }
      out.set(value, length);
      length += value.length;
    }
    await written;
  } catch {
    return null;
  }
  return out.subarray(0, length);
}

/**
 * Inflates ahead the parts the import of `bytes` will read in bulk (the sheet `sheet`, or the first),
 * and returns the inflater that hands them over; undefined when there is nothing to inflate ahead.
 * Never throws: whatever it cannot do is left to the import.
 */
export async function inflateAhead(bytes: Uint8Array, sheet?: string): Promise<InflateRaw | undefined> {
  if (typeof DecompressionStream === 'undefined' || !isZip(bytes)) return undefined;
  const parts: { data: Uint8Array; out: Uint8Array }[] = [];
  try {
    const zip = new ZipArchive(bytes);
    const names = ['xl/sharedStrings.xml', 'content.xml', xlsxSheetPart(zip, sheet)];
    for (const name of names) {
      const entry = name === undefined ? undefined : zip.parts.get(name);
      if (!entry || entry.method !== 8 || entry.size > NATIVE_INFLATE_BYTES) continue;
      const out = await inflated(zip, entry);
      if (out) parts.push({ data: zip.compressed(entry), out });
    }
  } catch {
    return undefined;
  }
  if (parts.length === 0) return undefined;
  // The import reads its own copy of the file: a part is known by its compressed bytes.
  return (data) => parts.find((part) => sameBytes(part.data, data))?.out ?? null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  // The worker hands the import the very bytes it inflated ahead from: the same slice needs no scan.
  if (a.buffer === b.buffer && a.byteOffset === b.byteOffset) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
