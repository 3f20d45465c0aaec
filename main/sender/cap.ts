// The spending cap: a request leaves only if the predicted cost of everything that was (or may
// have been) sent, plus its own rows, stays within the cap. A row without a known price cannot be
// proven to fit, so with a cap it stops the campaign rather than risk passing it.
import { formatPrice } from '../../shared/money';
import type { SendableRow } from '../db/queries/sending';

interface Candidate {
  row: SendableRow;
}

/** The leading rows of `batch` that fit under the cap (all of them when there is no cap). */
export function fitsCap<T extends Candidate>(
  batch: T[],
  committedMicros: number,
  maxCostMicros: number | null,
): T[] {
  if (maxCostMicros === null) return batch;
  let total = committedMicros;
  const out: T[] = [];
  for (const item of batch) {
    const cost = item.row.costMaxMicros;
    if (cost === null || total + cost > maxCostMicros) break;
    total += cost;
    out.push(item);
  }
  return out;
}

export function capStopReason(
  row: SendableRow,
  tally: { committedMicros: number; counts: { queued: number } },
  maxCostMicros: number,
): string {
  const cap = formatPrice(maxCostMicros);
  if (row.costMaxMicros === null) {
    return `Stopped at row ${row.row}: no price is known for ${row.to}, so the spending cap of ${cap} cannot be guaranteed. Add a price in Settings or remove the cap, then resume.`;
  }
  const next = formatPrice(tally.committedMicros + row.costMaxMicros);
  return `Stopped before passing the spending cap of ${cap}: sending row ${row.row} would bring the predicted cost to ${next}. ${tally.counts.queued} messages were not sent; raise the cap and resume to send them.`;
}
