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

/**
 * This thread's share of the rows against each worker's 1. It also plans, unpacks the workers' rows and
 * merges (~0.5 µs a row against ~1.6 µs to import one); a worker packs as it imports. On a million rows
 * 1.2 was the fastest (1.5 and 1 were 20–100 ms slower, within the noise of a shared machine).
 */
export const DEFAULT_LOCAL_SHARE = 1.2;

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
  /** Relative size of each slice, this thread's first (default: DEFAULT_LOCAL_SHARE, each worker 1). */
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
  if (parts < 2 || bytes.length < (parallel.minBytes ?? PARALLEL_MIN_BYTES)) {
    return importRecipients(bytes, options);
  }
  // Workers boot (~100 ms: the bundle and its phone metadata) while this thread plans.
  const workers = parallel.runRemote
    ? null
    : startWorkers(parallel.workerFile ?? defaultWorkerFile(), parts - 1);
  const plan = planParallelImport(
    bytes,
    options,
    parts,
    parallel.shares ?? Array.from({ length: parts }, (_, k) => (k === 0 ? DEFAULT_LOCAL_SHARE : 1)),
  );
  if (!plan) {
    workers?.close();
    return importRecipients(bytes, options);
  }
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
  const runRemote = parallel.runRemote ?? (workers as StartedWorkers).run;
  const remote = jobs.slice(1).map((job) => runRemote(job));
  workers?.close(); // when the plan made fewer slices than workers started
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

interface StartedWorkers {
  /** Runs a job on the next started worker (or a new one), which ends after replying. */
  run: RemoteChunkRunner;
  /** Ends the started workers no job was given to. */
  close(): void;
}

interface Started {
  worker: Worker;
  /** An error while it booted, before any job (a missing bundle): the job then fails with it. */
  early: Error | null;
}

function startWorkers(file: string, count: number): StartedWorkers {
  const idle = Array.from({ length: count }, (): Started => {
    const started: Started = { worker: new Worker(file), early: null };
    // Listening at once: an 'error' event nobody listens to would crash the process.
    started.worker.on('error', (error) => (started.early ??= error));
    return started;
  });
  return {
    run: (job) => runOn(idle.shift() ?? { worker: new Worker(file), early: null }, job),
    close: () => idle.splice(0).forEach((started) => void started.worker.terminate()),
  };
}

/** One short-lived worker thread per slice. */
export function workerRunner(file: string): RemoteChunkRunner {
  return (job) => runOn({ worker: new Worker(file), early: null }, job);
}

function runOn({ worker, early }: Started, job: ChunkJob): Promise<PackedPart | null> {
  return new Promise<PackedPart | null>((resolve, reject) => {
    if (early) {
      void worker.terminate();
      reject(early);
      return;
    }
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
