// Runs the shared import off the main thread so that a million-row file never freezes the window.
// The recipients go back one chunk per 'more' from the window, the first without asking.
import type { ImportReply, WorkerRequest } from './protocol';
import { runImportJob } from './run-import-job';

let sendNext: (() => boolean) | null = null;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('type' in request) {
    if (sendNext && !sendNext()) sendNext = null;
    return;
  }
  sendNext = runImportJob(request, (reply: ImportReply) => (self as unknown as Worker).postMessage(reply));
  if (!sendNext()) sendNext = null;
});
