// Rows with their own delivery time, as the engine meets them: a row whose time has passed before
// its request is built follows the operator's choice for such rows (skipped, or delivered at
// once), and a run holding rows for Messente's scheduling window waits for it to open.
import type { Pending } from './queue';

export type PassedChoice = 'skip' | 'send-now';

/** The words a row skipped at submission keeps. */
export const PASSED_AT_SUBMISSION =
  'Its delivery time had passed when it was to be submitted (rows whose time has passed are skipped).';

/** How long a run holding rows sleeps at most before looking again (timers cannot wait for weeks). */
export const HOLD_CHECK_MS = 60_000;

const passed = (p: Pending, now: number) => p.row.sendAt !== null && Date.parse(p.row.sendAt) <= now;

/**
 * How the front of `batch` splits when passed rows are skipped: `skip` leading rows to skip, else
 * `send` leading rows to send (up to the next row to skip). Only fronts are cut, so the queue can
 * take them in order. With 'send-now' nothing is skipped.
 */
export function splitPassed(
  batch: readonly Pending[],
  choice: PassedChoice,
  now: number,
): { skip: number; send: number } {
  if (choice === 'send-now') return { skip: 0, send: batch.length };
  let skip = 0;
  while (skip < batch.length && passed(batch[skip]!, now)) skip++;
  if (skip > 0) return { skip, send: 0 };
  let send = 0;
  while (send < batch.length && !passed(batch[send]!, now)) send++;
  return { skip: 0, send };
}
