// Worker-thread entry of the parallel import (bundled as dist/main/import-worker.cjs): imports the
// slices it is sent and posts each back packed, its typed arrays transferred rather than copied.
import { parentPort } from 'node:worker_threads';
import { importChunkPacked, transferables, type ChunkJob } from '../../shared/import/parallel-chunk';

const port = parentPort;
if (port) {
  port.on('message', (job: ChunkJob) => {
    try {
      const packed = importChunkPacked(job);
      port.postMessage({ ok: true, packed }, packed ? transferables(packed) : []);
    } catch (error) {
      port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
