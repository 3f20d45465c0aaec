// One slice of a file imported on its own (parse + normalise + in-slice duplicates), and its compact
// form for crossing a thread boundary: structured-cloning half a million recipient objects costs more
// than importing them, so the strings travel as one joined string plus typed arrays of lengths.
import type { ImportedRecipient, RecipientStatus } from '../types';
import { parseRecords } from './detect';
import type { ImportCounts, ImportProblem } from './model';
import { REASON_OPTED_OUT, RowProcessor, type RowSetup, type RowsPart } from './rows';

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

/** Parses and normalises one slice; its rows carry their true spreadsheet rows. Null: see chunkText. */
export function importChunk(job: ChunkJob): RowsPart | null {
  const text = chunkText(job);
  if (text === null) return null;
  const processor = new RowProcessor(job.setup);
  const parsed = parseRecords(text, job.delimiter, job.newline, false);
  let index = job.firstRecord - 1;
  for (const record of parsed.data) processor.record(record, ++index);
  return processor.partial();
}

export interface PackedPart {
  /** Every string of every recipient, joined: its fields, then `to` and the invalid reason when present. */
  strings: string;
  lengths: Int32Array;
  rows: Int32Array;
  statuses: Uint8Array;
  /** Spreadsheet row of the first occurrence, for duplicates (0 otherwise). */
  duplicateOf: Int32Array;
  width: number;
  phoneColumn: number;
  headerRow: number;
  counts: ImportCounts;
  problems: ImportProblem[];
  problemsLeftOut: number;
}

const STATUSES: readonly RecipientStatus[] = ['ok', 'invalid', 'duplicate', 'opted_out'];
const DUPLICATE_REASON = /^Same number as row (\d+)$/;

export function packPart(part: RowsPart, setup: RowSetup): PackedPart {
  const { recipients } = part;
  const n = recipients.length;
  const width = setup.header.length;
  const pieces: string[] = [];
  const lengths: number[] = [];
  const rows = new Int32Array(n);
  const statuses = new Uint8Array(n);
  const duplicateOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = recipients[i] as ImportedRecipient;
    rows[i] = r.row;
    statuses[i] = STATUSES.indexOf(r.status);
    for (let c = 0; c < width; c++) {
      const value = r.fields[c] as string;
      pieces.push(value);
      lengths.push(value.length);
    }
    if (r.to !== null) {
      pieces.push(r.to);
      lengths.push(r.to.length);
    }
    if (r.status === 'invalid') {
      const reason = r.reason ?? '';
      pieces.push(reason);
      lengths.push(reason.length);
    } else if (r.status === 'duplicate') {
      duplicateOf[i] = Number(DUPLICATE_REASON.exec(r.reason ?? '')?.[1] ?? 0);
    }
  }
  return {
    strings: pieces.join(''),
    lengths: Int32Array.from(lengths),
    rows,
    statuses,
    duplicateOf,
    width,
    phoneColumn: setup.phoneColumn,
    headerRow: setup.headerRow,
    counts: part.counts,
    problems: part.problems,
    problemsLeftOut: part.problemsLeftOut,
  };
}

export function unpackPart(packed: PackedPart): RowsPart {
  const { strings, lengths, rows, statuses, duplicateOf, width, phoneColumn } = packed;
  const recipients: ImportedRecipient[] = new Array<ImportedRecipient>(rows.length);
  let at = 0;
  let piece = 0;
  const next = (): string => {
    const len = lengths[piece++] as number;
    const value = strings.slice(at, at + len);
    at += len;
    return value;
  };
  for (let i = 0; i < rows.length; i++) {
    const fields = new Array<string>(width);
    for (let c = 0; c < width; c++) fields[c] = next();
    const status = STATUSES[statuses[i] as number] as RecipientStatus;
    // Invalid rows have no number; every other status was given one.
    const to = status === 'invalid' ? null : next();
    let reason: string | null = null;
    if (status === 'invalid') reason = next();
    else if (status === 'duplicate') reason = `Same number as row ${duplicateOf[i]}`;
    else if (status === 'opted_out') reason = REASON_OPTED_OUT;
    recipients[i] = {
      row: rows[i] as number,
      fields,
      rawPhone: fields[phoneColumn] ?? '',
      to,
      status,
      reason,
    };
  }
  return {
    recipients,
    counts: packed.counts,
    problems: packed.problems,
    problemsLeftOut: packed.problemsLeftOut,
  };
}

/** The buffers a worker can hand over instead of copying. */
export function transferables(packed: PackedPart): ArrayBuffer[] {
  return [
    packed.lengths.buffer,
    packed.rows.buffer,
    packed.statuses.buffer,
    packed.duplicateOf.buffer,
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
