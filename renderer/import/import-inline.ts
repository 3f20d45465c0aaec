// The import runner's contract on the main thread, for specs (jsdom has no Worker). The app itself
// always imports in the worker.
import { importRecipients } from '../../shared/import';
import type { ImportOutcome } from '../../shared/import/model';
import type { ImportRunner } from './import-client';

export const runImportInline: ImportRunner = (request, onProgress) => {
  let cancelled = false;
  const promise = new Promise<ImportOutcome | null>((resolve) => {
    onProgress(null);
    setTimeout(() => {
      if (cancelled) return resolve(null);
      const { optOuts, ...rest } = request.options;
      resolve(
        importRecipients(request.bytes, { ...rest, ...(optOuts ? { optOuts: new Set(optOuts) } : {}) }),
      );
    }, 0);
  });
  return { promise, cancel: () => (cancelled = true) };
};
