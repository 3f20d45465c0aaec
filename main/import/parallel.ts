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

/**
 * Imports one slice somewhere else (a worker thread; in tests, anything) and returns it packed, or null
 * when its bytes are not valid UTF-8 after all (the file is then imported single-threaded).
 */
export type RemoteChunkRunner = (job: ChunkJob) => Promise<PackedPart | null>;

export interface ParallelOptions {
  /** Slices, this thread's included (default: the cores, at most 2: the target is "both cores"). */
  parts?: number;
  /**
   * Relative size of each slice; this thread's first, which also plans, unpacks and merges. Default:
   * this thread 1.5, each worker 1 — a worker also packs its rows and this thread waits for that, so
   * equal slices left this thread idle ~400 ms on a million rows (1.5 : 1 left ~50 ms).
   */
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
      : planParallelImport(
          bytes,
          options,
          parts,
          parallel.shares ?? Array.from({ length: parts }, (_, k) => (k === 0 ? 1.5 : 1)),
        );
  if (!plan) return importRecipients(bytes, options);
  const { source } = plan;
  const jobs: ChunkJob[] = plan.parts.map((p, k) => ({
    setup: plan.layout.setup,
    delimiter: plan.layout.delimiter,
    newline: plan.layout.newline,
    // Other threads get a copy of their bytes alone (a view would clone the whole file's buffer).
    text:
      typeof source === 'string'
        ? source.slice(p.start, p.end)
        : k === 0
          ? source.subarray(p.start, p.end)
          : source.slice(p.start, p.end),
    utf8: typeof source === 'string' ? undefined : { strict: plan.strict, first: k === 0 },
    firstRecord: p.firstRecord,
  }));
  const runRemote = parallel.runRemote ?? workerRunner(parallel.workerFile ?? defaultWorkerFile());
  const remote = jobs.slice(1).map((job) => runRemote(job));
  // Handled at once so that a failing worker never surfaces as an unhandled rejection meanwhile.
  remote.forEach((p) => p.catch(() => undefined));
  const local = importChunk(jobs[0] as ChunkJob);
  const packed = await Promise.all(remote);
  if (local === null || packed.includes(null)) return importRecipients(bytes, options);
  const results: RowsPart[] = [local];
  for (const part of packed) if (part) results.push(unpackPart(part));
  return mergeImportParts(plan, results, options);
}

function defaultWorkerFile(): string {
  // In the esbuild CJS bundle (dist/main/*.cjs) __dirname is dist/main.
  return join(typeof __dirname === 'string' ? __dirname : process.cwd(), 'import-worker.cjs');
}

type WorkerReply = { ok: true; packed: PackedPart | null } | { ok: false; error: string };

/** One short-lived worker thread per slice. */
export function workerRunner(file: string): RemoteChunkRunner {
  return (job) =>
    new Promise<PackedPart | null>((resolve, reject) => {
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
      const moved = typeof job.text === 'string' ? [] : [job.text.buffer as ArrayBuffer];
      worker.postMessage(job, moved);
    });
}
