// The recipients import on several cores (Node: the CLI and the benchmark). The file is decoded and
// its layout detected once, cut at record boundaries, the first slice imported in this thread while
// worker threads import the others, then merged (shared/import/parallel-merge.ts). Results are the
// same as importRecipients(); files it cannot split safely, and small ones, go through that instead.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { importRecipients, type ImportOptions, type ImportOutcome } from '../../shared/import';
import { importChunk, unpackPart, type ChunkJob, type PackedPart } from '../../shared/import/parallel-chunk';
import { mergeImportParts, planParallelImport } from '../../shared/import/parallel-merge';
import type { RowsPart } from '../../shared/import/rows';

/** Below this, starting a worker costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

/** Imports one slice somewhere else (a worker thread; in tests, anything) and returns it packed. */
export type RemoteChunkRunner = (job: ChunkJob) => Promise<PackedPart>;

export interface ParallelOptions {
  /** Slices, this thread's included (default: the cores, at most 2: the target is "both cores"). */
  parts?: number;
  /** Relative size of each slice; this thread's first, which also decodes, plans and merges. */
  shares?: readonly number[];
  /** Smaller files are imported in this thread alone (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** Path of the bundled worker (default: import-worker.cjs next to this bundle). */
  workerFile?: string;
  /** Runs the other slices; default: one worker thread per slice. */
  runRemote?: RemoteChunkRunner;
}

export async function importRecipientsParallel(
  bytes: Uint8Array,
  options: ImportOptions,
  parallel: ParallelOptions = {},
): Promise<ImportOutcome> {
  const parts = parallel.parts ?? Math.min(2, availableParallelism());
  const plan =
    bytes.length < (parallel.minBytes ?? PARALLEL_MIN_BYTES)
      ? null
      : planParallelImport(bytes, options, parts, parallel.shares);
  if (!plan) return importRecipients(bytes, options);
  const jobs: ChunkJob[] = plan.parts.map((p) => ({
    setup: plan.layout.setup,
    delimiter: plan.layout.delimiter,
    newline: plan.layout.newline,
    text: plan.text.slice(p.start, p.end),
    firstRecord: p.firstRecord,
  }));
  const runRemote = parallel.runRemote ?? workerRunner(parallel.workerFile ?? defaultWorkerFile());
  const remote = jobs.slice(1).map((job) => runRemote(job));
  // Handled at once so that a failing worker never surfaces as an unhandled rejection meanwhile.
  remote.forEach((p) => p.catch(() => undefined));
  const local = importChunk(jobs[0] as ChunkJob);
  const results: RowsPart[] = [local];
  for (const packed of await Promise.all(remote)) results.push(unpackPart(packed));
  return mergeImportParts(plan, results, options);
}

function defaultWorkerFile(): string {
  // In the esbuild CJS bundle (dist/main/*.cjs) __dirname is dist/main.
  return join(typeof __dirname === 'string' ? __dirname : process.cwd(), 'import-worker.cjs');
}

type WorkerReply = { ok: true; packed: PackedPart } | { ok: false; error: string };

/** One short-lived worker thread per slice. */
export function workerRunner(file: string): RemoteChunkRunner {
  return (job) =>
    new Promise<PackedPart>((resolve, reject) => {
      const worker = new Worker(file);
      worker.once('message', (reply: WorkerReply) => {
        void worker.terminate();
        if (reply.ok) resolve(reply.packed);
        else reject(new Error(`import worker failed: ${reply.error}`));
      });
      worker.once('error', (error) => {
        void worker.terminate();
        reject(error);
      });
      worker.postMessage(job);
    });
}
