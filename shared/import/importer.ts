// The streaming CSV importer (a workbook's rows go through record-importer.ts instead, see
// workbook.ts). A worker pushes the file chunk by chunk and gets finished rows back at once, so it can
// post progress and show the first rows long before the end; importRecipients() is the same thing fed
// with one file. Nothing here touches I/O or node:* modules.
//
// Protocol: push(chunk) → { rows, restart, error }.
//  - The first SAMPLE_BYTES are held back (rows: []) to detect encoding, delimiter, header row and
//    phone column; after that every push returns the rows it completed, in file order. A row's status
//    is final when returned: duplicates are always later rows than the one they duplicate.
//  - restart: true means the file turned out not to be UTF-8 part-way (it is Windows-1252): throw away
//    the rows received so far; `rows` starts again from the first row.
//  - error: the file is refused (one sentence); stop pushing. finish() returns the same error.
// finish() → the complete ImportResult (recipients included) or the refusal.
import type { ImportedRecipient } from '../types';
import { createStreamDecoder, firstInvalidUtf8, joinBytes, type StreamDecoder } from './decode';
import { parseRecords } from './detect';
import { detectLayout, ImportRefused } from './layout';
import type { ImportOptions, ImportOutcome, ImportResult } from './model';
import { refusal, headerOnly } from './refusals';
import { RowProcessor } from './rows';

export interface ImporterUpdate {
  rows: ImportedRecipient[];
  restart: boolean;
  error: string | null;
}

export interface Importer {
  push(chunk: Uint8Array): ImporterUpdate;
  finish(): ImportOutcome;
}

export const SAMPLE_BYTES = 64 * 1024;
/** Characters of text parsed at a time before the end (see parsePending). */
const PARSE_WINDOW = 512 * 1024;
const NONE: ImporterUpdate = { rows: [], restart: false, error: null };

interface Layout {
  delimiter: string;
  newline: string;
  processor: RowProcessor;
}

/** The CSV importer; createImporter (workbook.ts) puts a workbook's sheet through it too. */
export function createCsvImporter(options: ImportOptions): Importer {
  const chunks: Uint8Array[] = [];
  let buffered = 0;
  let encodingOverride = options.encoding;
  let decoder: StreamDecoder | null = null;
  let layout: Layout | null = null;
  let pending = '';
  // After a parse that finished no row (an open quote swallowing the rest), wait until the text has
  // doubled before trying again, so a stray quote costs linear time, not quadratic.
  let retryAt = 0;
  let recordIndex = 0;
  let error: string | null = null;
  let refusedColumns: string[] | undefined;

  function reset(): void {
    decoder = null;
    layout = null;
    pending = '';
    recordIndex = 0;
    retryAt = 0;
  }

  /** Decodes and handles `bytes`; null when the strict UTF-8 decoder gave up (caller restarts). */
  function feed(bytes: Uint8Array, last: boolean): ImportedRecipient[] | null {
    if (!decoder) {
      const refused = refusal(bytes, options.fileName, encodingOverride);
      if (refused) throw new ImportRefused(refused);
      decoder = createStreamDecoder(bytes, encodingOverride);
    }
    const text = decoder.push(bytes, last);
    if (text === null) return null;
    pending += text;
    // The file's final line break ends the last row; it does not start an empty one.
    if (last) pending = pending.replace(/(?:\r\n|\n|\r)$/, '');
    if (!layout) {
      if (!last && pending.length < SAMPLE_BYTES / 2) return [];
      const found = detectLayout(pending, last, options);
      layout = {
        delimiter: found.delimiter,
        newline: found.newline,
        processor: new RowProcessor(found.setup),
      };
    }
    return parsePending(last);
  }

  function parsePending(last: boolean): ImportedRecipient[] {
    if (!layout) return [];
    const { processor } = layout;
    if (pending === '') return [];
    if (!last && pending.length < retryAt) return [];
    // Before the end, parse window by window: a few hundred KB of rows at a time die young, where a
    // whole 4 MB slice of row strings outlived several scavenges (~20% of the import). The last parse
    // stays whole: only it can report an unclosed quote, ahead of the problems of the rows it parses.
    const window = last ? pending.length : PARSE_WINDOW;
    const out: ImportedRecipient[] = [];
    let at = 0;
    let size = window;
    for (;;) {
      const final = at + size >= pending.length;
      const text = at === 0 && final ? pending : pending.slice(at, at + size);
      const parsed = parseRecords(text, layout.delimiter, layout.newline, final ? !last : true);
      // No complete record in this window (a long one, or a quoted value across it): look further.
      if (!final && parsed.meta.cursor === 0) {
        size *= 2;
        continue;
      }
      const base = recordIndex;
      for (const error of parsed.errors) {
        if (error.code === 'MissingQuotes') processor.unclosedQuote(base + (error.row ?? 0) + 1);
      }
      for (const record of parsed.data) {
        recordIndex++;
        const recipient = processor.record(record, recordIndex);
        if (recipient) out.push(recipient);
      }
      at += parsed.meta.cursor;
      if (final) break;
      size = window;
    }
    retryAt = at === 0 ? pending.length * 2 : 0;
    pending = last ? '' : pending.slice(at);
    return out;
  }

  /** Runs `fn`; on a mid-file UTF-8 failure, replays every chunk as Windows-1252. */
  function guarded(fn: () => ImportedRecipient[] | null, last: boolean): ImporterUpdate {
    if (error) return { rows: [], restart: false, error };
    try {
      const rows = fn();
      if (rows !== null) return rows.length === 0 ? NONE : { rows, restart: false, error: null };
      encodingOverride = 'windows-1252';
      reset();
      const all = joinBytes(chunks);
      const replayed = feed(all, last) ?? [];
      reportInvalidUtf8(all);
      return { rows: replayed, restart: true, error: null };
    } catch (thrown) {
      if (!(thrown instanceof ImportRefused)) throw thrown;
      error = thrown.message;
      refusedColumns = thrown.columns;
      chunks.length = 0;
      return { rows: [], restart: false, error };
    }
  }

  /** Says where the file stopped being UTF-8, so the operator can judge the Windows-1252 reading. */
  function reportInvalidUtf8(bytes: Uint8Array): void {
    const at = firstInvalidUtf8(bytes);
    if (!layout || at < 0) return;
    // Rows up to the bad byte, counted the way the import counts them (quoted line breaks included).
    const prefix = new TextDecoder().decode(bytes.subarray(0, at));
    const records = parseRecords(prefix, layout.delimiter, layout.newline, false).data;
    const lastRecord = records.at(-1);
    layout.processor.invalidUtf8(Math.max(records.length, 1), Math.max((lastRecord?.length ?? 1) - 1, 0));
  }

  let finished: ImportOutcome | null = null;

  return {
    push(chunk) {
      if (finished) throw new Error('push() after finish()');
      // Raw bytes are kept only while a late invalid UTF-8 byte could still force a replay.
      if (!decoder || decoder.strict) chunks.push(chunk);
      buffered += chunk.length;
      if (!decoder && buffered < SAMPLE_BYTES) return NONE;
      const bytes = decoder ? chunk : joinBytes(chunks);
      return guarded(() => feed(bytes, false), false);
    },
    finish() {
      if (finished) return finished;
      const bytes = decoder ? new Uint8Array(0) : joinBytes(chunks);
      const update = guarded(() => feed(bytes, true), true);
      chunks.length = 0;
      if (update.error) {
        finished = { ok: false, error: update.error };
        if (refusedColumns) finished.columns = refusedColumns;
        return finished;
      }
      if (!layout) return (finished = { ok: false, error: headerOnly(options.fileName) });
      const result: ImportResult = layout.processor.result(
        options.fileName,
        decoder?.encoding ?? 'utf-8',
        layout.delimiter,
      );
      if (result.recipients.length === 0)
        return (finished = { ok: false, error: headerOnly(options.fileName) });
      return (finished = { ok: true, result });
    },
  };
}
