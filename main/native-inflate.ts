// Node's zlib for a workbook's parts: native inflating takes a third of the time fflate's plain
// JavaScript takes on a 100 000-row sheet. The CLI (and the benchmark) read workbooks through it;
// the window's import worker has no zlib and keeps fflate.
import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '../shared/import';

export const nativeInflateRaw: InflateRaw = (compressed, maxBytes) => {
  try {
    // Output in 1 MB buffers rather than zlib's 16 KB: a sheet of tens of MB is fewer pieces to join.
    return inflateRawSync(compressed, { maxOutputLength: maxBytes, chunkSize: 1024 * 1024 });
  } catch {
    // Too large to inflate at once, or damaged: the part is streamed instead, which says which.
    return null;
  }
};
