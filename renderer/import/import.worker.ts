// Runs the shared import off the main thread so that a million-row file never freezes the window.
import type { ImportReply, ImportRequest } from './protocol';
import { runImportJob } from './run-import-job';

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  runImportJob(event.data, (reply: ImportReply) => (self as unknown as Worker).postMessage(reply));
});
