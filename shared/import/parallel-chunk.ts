// One slice of a file imported on its own (parse + normalise + in-slice duplicates), in this thread as
// recipients or in a worker straight into its packed form (parallel-pack.ts).
import { parseRecords } from './detect';
import { PackBuilder, type PackedPart } from './parallel-pack';
import { RowProcessor, type RowSetup, type RowsPart } from './rows';

export { NO_NUMBER, packPart, transferables, unpackPart, type PackedPart } from './parallel-pack';

export interface ChunkJob {
  setup: RowSetup;
  delimiter: string;
  newline: string;
  /** The slice as text, or as UTF-8 bytes that the thread importing it decodes (see utf8). */
  text: string | Uint8Array;
  /** For bytes: strict (unmarked UTF-8, which the single-threaded import replays as Windows-1252 on a bad byte), and whether this is the file's first slice (where a BOM after the BOM is dropped, as there). */
  utf8?: { strict: boolean; first: boolean };
  /** 1-based record index of the slice's first record in the whole file. */
  firstRecord: number;
}

/** The job's text; null when strict UTF-8 bytes turn out invalid (the caller imports single-threaded). */
export function chunkText(job: ChunkJob): string | null {
  if (typeof job.text === 'string') return job.text;
  const strict = job.utf8?.strict ?? true;
  try {
    return new TextDecoder('utf-8', { fatal: strict, ignoreBOM: !(job.utf8?.first ?? false) }).decode(
      job.text,
    );
  } catch {
    return null;
  }
}

/** Text parsed per window: a worker packing its rows keeps them young (measured: 512 KB beat 2 MB by ~15%). */
export const CHUNK_WINDOW = 512 * 1024;

/**
 * Parses `text` window by window, as the streaming importer does, handing each record and its 1-based
 * index to `onRecord`. A window ends at its last complete record; one that holds none (a record, or a
 * quoted value, longer than the window) is retried twice as long.
 */
export function eachRecord(
  text: string,
  job: Pick<ChunkJob, 'delimiter' | 'newline' | 'firstRecord'>,
  onRecord: (values: string[], index: number) => void,
  window = CHUNK_WINDOW,
): void {
  let index = job.firstRecord - 1;
  let at = 0;
  let size = window;
  while (at < text.length) {
    const last = at + size >= text.length;
    const parsed = parseRecords(text.slice(at, at + size), job.delimiter, job.newline, !last);
    if (!last && parsed.meta.cursor === 0) {
      size *= 2;
      continue;
    }
    for (const record of parsed.data) onRecord(record, ++index);
    if (last) return;
    at += parsed.meta.cursor;
    size = window;
  }
}

/** Parses and normalises one slice; its rows carry their true spreadsheet rows. Null: see chunkText. */
export function importChunk(job: ChunkJob, window = CHUNK_WINDOW): RowsPart | null {
  const text = chunkText(job);
  if (text === null) return null;
  const processor = new RowProcessor(job.setup);
  eachRecord(text, job, (record, index) => processor.record(record, index), window);
  return processor.partial();
}

/** importChunk() packed as it goes, for a worker: the same rows, never all alive as objects at once. */
export function importChunkPacked(job: ChunkJob, window = CHUNK_WINDOW): PackedPart | null {
  const text = chunkText(job);
  if (text === null) return null;
  const processor = new RowProcessor(job.setup, false);
  const builder = new PackBuilder(job.setup);
  eachRecord(
    text,
    job,
    (record, index) => {
      const recipient = processor.record(record, index);
      if (recipient) builder.add(recipient);
    },
    window,
  );
  return builder.finish(processor.partial());
}
