// The window's side of the worker protocol: reassembles the recipients sent in chunks. Kept apart
// from the import code so the main bundle does not carry the parser and phone metadata.
import type { ImportedRecipient } from '../../shared/types';
import type { ImportedFile, ImportReply } from './protocol';

/** Feeds replies in order; returns the whole outcome once 'done' has arrived, else null. */
export function createReplyCollector(
  onProgress: (fraction: number | null) => void,
): (reply: ImportReply) => ImportedFile | null {
  // Appended per chunk, not flattened at the end: one million-row copy would be a long task.
  const all: ImportedRecipient[] = [];
  return (reply) => {
    if (reply.type === 'progress') onProgress(reply.fraction);
    else if (reply.type === 'rows') for (const r of reply.rows) all.push(r);
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
