// Starts one import in a Web Worker and lets the caller cancel it. The worker is terminated on
// cancel, so even a parse stuck in a huge file stops at once.
import type { ImportedFile, ImportReply, ImportRequest, WorkerRequest } from './protocol';
import { nextSlice } from '../lib/frame-yield';
import { createReplyCollector } from './reply-collector';

export interface ImportJob {
  /** The outcome, or null when the import was cancelled. */
  promise: Promise<ImportedFile | null>;
  cancel: () => void;
}

/** fraction is 0–1, or null while the amount of work is not known yet. */
export type ImportRunner = (
  request: ImportRequest,
  onProgress: (fraction: number | null) => void,
) => ImportJob;

export const runImportInWorker: ImportRunner = (request, onProgress) => {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: (outcome: ImportedFile | null) => void = () => {};
  const promise = new Promise<ImportedFile | null>((resolve) => (settle = resolve));
  const finish = (outcome: ImportedFile | null): void => {
    worker.terminate();
    settle(outcome);
  };
  const collect = createReplyCollector(onProgress);
  const ask = (request: WorkerRequest): void => worker.postMessage(request);
  worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
    const reply = event.data;
    const outcome = collect(reply);
    if (outcome) finish(outcome);
    // The next chunk in a new task, after a frame when none was painted for a while.
    else if (reply.type === 'rows') nextSlice(() => ask({ type: 'more' }));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    finish({
      ok: false,
      error: `The import stopped unexpectedly (${event.message || 'worker error'}). Try again.`,
    });
  });
  // The file goes as a Blob handle, never a copy of its bytes; the window keeps it for re-imports.
  ask(request);
  return { promise, cancel: () => finish(null) };
};
