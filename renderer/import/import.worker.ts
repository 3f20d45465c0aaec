// Runs the shared import off the main thread so that a million-row file never freezes the window.
// The recipients go back one chunk per 'more' from the window, the first without asking.
import type { ImportReply, WorkerRequest } from './protocol';
import { startImportJob } from './run-import-job';

let sendNext: (() => boolean) | null = null;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('type' in request) {
    if (sendNext && !sendNext()) sendNext = null;
    return;
  }
  // No 'more' comes before the first rows are sent, so nothing is asked while the parts inflate.
  void startImportJob(request, (reply: ImportReply) => (self as unknown as Worker).postMessage(reply)).then(
    (next) => {
      sendNext = next;
      if (!sendNext()) sendNext = null;
    },
  );
});
