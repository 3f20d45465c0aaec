// Desktop exports as jobs the operator can follow and cancel: a million-row delivery report takes
// seconds. Plain Node, so that tests run the whole path the desktop takes after its save dialog.
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportResult } from '../../shared/types';
import { UserError } from '../errors';
import type { ExportOptions, ExportSource } from '../platform';
import { ExportAborted, writeExportToFile } from './write-export';
import { fileReason } from '../data-folder';

/** At most ~5 progress reports a second: enough for a smooth bar, little traffic over IPC. */
export const PROGRESS_INTERVAL_MS = 200;

export interface ExportJobOptions {
  signal?: AbortSignal;
  onProgress?: ExportOptions['onProgress'];
  /** Least time between two progress reports; the first and the last always go. */
  intervalMs?: number;
  now?: () => number;
}

export type ExportJobResult = Extract<ExportResult, { kind: 'saved' | 'cancelled' }>;

/**
 * The fs error in the operator's words. An export's file may be held open by another program (a
 * spreadsheet showing the last one), which the shared wording cannot know.
 */
function reasonOf(error: unknown): string {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied, or another program has the file open';
    case 'EBUSY':
      return 'another program has the file open';
  }
  return fileReason(error);
}

/**
 * Writes `source` to `path`, reporting progress, until done or until `signal` aborts. The file is
 * written under a hidden name beside `path` and renamed at the end, so a cancelled or failed export
 * leaves nothing half-written and never destroys the file it would have replaced.
 * Resolves 'saved' or 'cancelled'; a write failure rejects with a UserError saying what to do.
 */
export async function runExportJob(
  source: ExportSource,
  path: string,
  options: ExportJobOptions = {},
): Promise<ExportJobResult> {
  const { signal, onProgress, intervalMs = PROGRESS_INTERVAL_MS, now = Date.now } = options;
  // The bar and its Cancel first: counting "failed only" rows can take a second on a big campaign
  // (it runs synchronously), so the count follows once this first event is on its way.
  onProgress?.({ rows: 0, total: null, done: false, cancelled: false });
  if (source.total) await new Promise((resolve) => setImmediate(resolve));
  const total = signal?.aborted ? null : (source.total?.() ?? null);
  let rowsSoFar = 0;
  let lastReport = now();
  if (total !== null) onProgress?.({ rows: 0, total, done: false, cancelled: false });
  const onRows = (rows: number): void => {
    rowsSoFar = rows;
    const at = now();
    if (at - lastReport < intervalMs) return;
    lastReport = at;
    onProgress?.({ rows, total, done: false, cancelled: false });
  };
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const rows = await writeExportToFile(source, partial, { signal, onRows });
    if (signal?.aborted) throw new ExportAborted();
    await rename(partial, path);
    // The count was taken before the write and rows may have moved since (a status refresh changes
    // what "failed only" holds): the finished bar reads full either way.
    onProgress?.({ rows, total: total === null ? null : rows, done: true, cancelled: false });
    return { kind: 'saved', path, rows };
  } catch (error) {
    // writeExportToFile removed its own file; this covers a failed or aborted rename.
    await rm(partial, { force: true });
    const cancelled = error instanceof ExportAborted;
    onProgress?.({ rows: rowsSoFar, total, done: true, cancelled });
    if (cancelled) return { kind: 'cancelled' };
    throw new UserError(
      `Could not write ${path} (${reasonOf(error)}). No file was saved. Choose another folder, or close the file if another program has it open, and export again.`,
      'export_failed',
    );
  }
}

/** Running exports by the renderer's id, so that reports.cancelExport can reach them. */
export interface FileExports {
  run(source: ExportSource, path: string, options?: ExportOptions): Promise<ExportJobResult>;
  cancel(exportId: string): boolean;
  /**
   * Cancels every running export and resolves once each has removed its partial file: the app
   * calls it on quit, before the database the exports read from is closed.
   */
  cancelAll(): Promise<void>;
}

export function createFileExports(timing: Pick<ExportJobOptions, 'intervalMs' | 'now'> = {}): FileExports {
  const byId = new Map<string, AbortController>();
  const running = new Map<AbortController, Promise<unknown>>();
  return {
    async run(source, path, { exportId, onProgress } = {}) {
      if (exportId !== undefined && byId.has(exportId)) {
        throw new UserError('An export with this id is already running.', 'export_running');
      }
      const controller = new AbortController();
      if (exportId !== undefined) byId.set(exportId, controller);
      const job = runExportJob(source, path, { ...timing, onProgress, signal: controller.signal });
      running.set(controller, job);
      try {
        return await job;
      } finally {
        running.delete(controller);
        if (exportId !== undefined) byId.delete(exportId);
      }
    },
    cancel(exportId) {
      const controller = byId.get(exportId);
      controller?.abort();
      return controller !== undefined;
    },
    async cancelAll() {
      const jobs = [...running];
      for (const [controller] of jobs) controller.abort();
      // A job that fails while stopping has already removed its file; quitting goes on regardless.
      await Promise.allSettled(jobs.map(([, job]) => job));
    },
  };
}
