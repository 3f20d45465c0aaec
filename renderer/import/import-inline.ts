// The import runner's contract on the main thread, for specs (jsdom has no Worker). The app itself
// always imports in the worker.
import { importRecipients } from '../../shared/import';
import type { ImportRunner } from './import-client';
import type { ImportedFile } from './protocol';
import { timeColumnsOf } from '../../shared/delivery-time';
import { readFileBytes } from './read-file';

export const runImportInline: ImportRunner = (request, onProgress) => {
  let cancelled = false;
  const promise = new Promise<ImportedFile | null>((resolve) => {
    onProgress(null);
    setTimeout(async () => {
      let bytes: Uint8Array;
      try {
        bytes = await readFileBytes(request.file);
      } catch {
        return resolve({ ok: false, error: `${request.options.fileName} could not be read.` });
      }
      if (cancelled) return resolve(null);
      const { optOuts, ...rest } = request.options;
      const outcome = importRecipients(bytes, {
        ...rest,
        ...(optOuts ? { optOuts: new Set(optOuts) } : {}),
      });
      resolve(outcome.ok ? { ...outcome, timeColumns: timeColumnsOf(outcome.result) } : outcome);
    }, 0);
  });
  return { promise, cancel: () => (cancelled = true) };
};
