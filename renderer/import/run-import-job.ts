// The worker's job and the window's reassembly of its replies, kept apart from Worker plumbing so
// that both can be tested without a browser.
import { createImporter, isZip, type InflateRaw } from '../../shared/import';
import { inflateAhead } from '../../shared/import/inflate-ahead';
import type { ImportOutcome } from '../../shared/import/model';
import { ROWS_PER_MESSAGE, type ImportJobInput, type ImportReply, type ImportRequest } from './protocol';
import { errorMessage } from '../../shared/errors';
import { timeColumnsOf } from '../../shared/delivery-time';
import { readFileBytes } from './read-file';

const SLICE = 1024 * 1024;

function importAll(
  { bytes, options }: ImportJobInput,
  post: (reply: ImportReply) => void,
  inflateRaw?: InflateRaw,
): ImportOutcome {
  const { optOuts, ...rest } = options;
  let lastPosted = 0;
  const progress = (fraction: number): void => {
    const now = performance.now();
    if (now - lastPosted > 50) {
      lastPosted = now;
      post({ type: 'progress', fraction: Math.min(1, fraction) });
    }
  };
  // A workbook's pushes only hold its bytes: its progress is the share of its sheet read, at the end.
  const workbook = isZip(bytes);
  const importer = createImporter(
    { ...rest, ...(optOuts ? { optOuts: new Set(optOuts) } : {}) },
    progress,
    undefined,
    inflateRaw,
  );
  for (let at = 0; at < bytes.length; at += SLICE) {
    if (importer.push(bytes.subarray(at, at + SLICE)).error) break;
    if (!workbook) progress((at + SLICE) / bytes.length);
  }
  return importer.finish();
}

/**
 * Imports in 1 MB slices with progress, then returns a function that sends the next chunk of
 * recipients each time it is called, and the outcome with its time columns after the last (it
 * returns false once that is sent).
 */
export function runImportJob(
  request: ImportJobInput,
  post: (reply: ImportReply) => void,
  inflateRaw?: InflateRaw,
): () => boolean {
  post({ type: 'progress', fraction: 0 });
  let outcome: ImportOutcome;
  try {
    outcome = importAll(request, post, inflateRaw);
  } catch (error) {
    // The import promises never to throw; if it does anyway, the operator still gets a sentence.
    const detail = errorMessage(error);
    outcome = { ok: false, error: `${request.options.fileName} could not be read (${detail}).` };
  }
  const recipients = outcome.ok ? outcome.result.recipients : [];
  const timeColumns = outcome.ok ? timeColumnsOf(outcome.result) : [];
  const last: ImportOutcome = outcome.ok
    ? { ok: true, result: { ...outcome.result, recipients: [] } }
    : outcome;
  let at = 0;
  let finished = false;
  return () => {
    if (finished) return false;
    if (at < recipients.length) {
      post({ type: 'rows', rows: recipients.slice(at, at + ROWS_PER_MESSAGE) });
      at += ROWS_PER_MESSAGE;
      return true;
    }
    finished = true;
    post({ type: 'done', outcome: last, timeColumns });
    return false;
  };
}

/**
 * Reads the file, then runImportJob with a workbook's large parts first inflated by the platform's
 * native inflater. A file that cannot be read ends the job with a sentence, like any refusal.
 */
export async function startImportJob(
  { file, options }: ImportRequest,
  post: (reply: ImportReply) => void,
): Promise<() => boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch {
    const error = `${options.fileName} could not be read. Check that the file is not open in another program and try again.`;
    return () => (post({ type: 'done', outcome: { ok: false, error }, timeColumns: [] }), false);
  }
  return runImportJob({ bytes, options }, post, await inflateAhead(bytes, options.sheet));
}
