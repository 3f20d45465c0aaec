// Messages between the window and the import worker. Sets do not survive postMessage as the
// options type wants them, so opt-outs travel as an array.
import type { ImportOptions, ImportOutcome } from '../../shared/import/model';

export interface ImportRequest {
  bytes: Uint8Array;
  options: Omit<ImportOptions, 'optOuts'> & { optOuts?: string[] };
}

import type { ImportedRecipient } from '../../shared/types';

/**
 * Recipients arrive in 'rows' chunks before 'done' (whose result then has none): one message of a
 * million rows would block the window for seconds while it is deserialised.
 */
export type ImportReply =
  | { type: 'progress'; fraction: number | null }
  | { type: 'rows'; rows: ImportedRecipient[] }
  | { type: 'done'; outcome: ImportOutcome };

// Deserialising 20 000 rows took 50–60 ms in Chromium, over 100 ms with a GC on a busy machine
// (`npm run bench -- --only ui`): 5 000 keeps each message's task well under the 100 ms target.
export const ROWS_PER_MESSAGE = 5_000;
