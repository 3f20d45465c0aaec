// The window's side of the worker protocol: reassembles the recipients sent in chunks. Kept apart
// from the import code so the main bundle does not carry the parser and phone metadata.
import type { ImportedRecipient, RecipientStatus } from '../../shared/types';
import type { ImportedFile, ImportReply } from './protocol';

const STATUSES: Record<RecipientStatus, RecipientStatus> = {
  ok: 'ok',
  invalid: 'invalid',
  duplicate: 'duplicate',
  opted_out: 'opted_out',
};

/**
 * A message copies every string on its own, so a row arrives holding its phone cell twice (the cell
 * and the raw phone), often thrice (the number as written is already E.164) and a status string of
 * its own. Pointing them at one string lets the copies die young: the young-generation collector,
 * whose pauses grow with what survives it, then has less to move out of each chunk.
 */
function shareStrings(r: ImportedRecipient): void {
  r.status = STATUSES[r.status];
  const cell = r.fields.indexOf(r.rawPhone);
  if (cell >= 0) r.rawPhone = r.fields[cell]!;
  if (r.to === r.rawPhone) r.to = r.rawPhone;
}

/** Feeds replies in order; returns the whole outcome once 'done' has arrived, else null. */
export function createReplyCollector(
  onProgress: (fraction: number | null) => void,
): (reply: ImportReply) => ImportedFile | null {
  // Appended per chunk, not flattened at the end: one million-row copy would be a long task.
  const all: ImportedRecipient[] = [];
  return (reply) => {
    if (reply.type === 'progress') onProgress(reply.fraction);
    else if (reply.type === 'rows')
      for (const r of reply.rows) {
        shareStrings(r);
        all.push(r);
      }
    else if (!reply.outcome.ok) return reply.outcome;
    else
      return {
        ok: true,
        result: { ...reply.outcome.result, recipients: all },
        timeColumns: reply.timeColumns,
      };
    return null;
  };
}
