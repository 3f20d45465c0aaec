// Messages between the window and the import worker. Sets do not survive postMessage as the
// options type wants them, so opt-outs travel as an array.
import type { TimeColumnGuess } from '../../shared/delivery-time';
import type { ImportOptions, ImportOutcome, ImportResult } from '../../shared/import/model';

export type ImportRequestOptions = Omit<ImportOptions, 'optOuts'> & { optOuts?: string[] };

/**
 * The file travels as a Blob, which postMessage passes as a handle: cloning its bytes instead
 * (tens of megabytes) held the window for 30–180 ms as an import started. The worker reads them.
 */
export interface ImportRequest {
  file: Blob;
  options: ImportRequestOptions;
}

/** What the import job itself works on, once the worker has read the file. */
export interface ImportJobInput {
  bytes: Uint8Array;
  options: ImportRequestOptions;
}

import type { ImportedRecipient } from '../../shared/types';

/**
 * What an import gives the window: on success the result, with the columns that look like
 * date-times (worked out in the worker by timeColumnsOf).
 */
export type ImportedFile =
  { ok: true; result: ImportResult; timeColumns: TimeColumnGuess[] } | Exclude<ImportOutcome, { ok: true }>;

/**
 * Recipients arrive in 'rows' chunks before 'done' (whose result then has none): one message of a
 * million rows would block the window for seconds while it is deserialised. The worker sends the next
 * chunk only when the window asks for it ('more'), after it has taken the last one in and yielded:
 * chunks queued up faster than the window takes them would run back to back, with no frame between.
 */
export type ImportReply =
  | { type: 'progress'; fraction: number | null }
  | { type: 'rows'; rows: ImportedRecipient[] }
  | { type: 'done'; outcome: ImportOutcome; timeColumns: TimeColumnGuess[] };

/** What the window sends the worker: the import itself, then one 'more' per chunk taken in. */
export type WorkerRequest = ImportRequest | { type: 'more' };

// Deserialising 5 000 rows took 15–35 ms in Chromium on a busy machine, and a million kept rows make
// the garbage collector's work grow with every chunk (`npm run bench -- --only ui`): 2 000 keeps each
// chunk's task small enough to leave room for a frame between two of them.
export const ROWS_PER_MESSAGE = 2_000;
