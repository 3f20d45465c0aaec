// Writes an export to a file, waiting for the disk whenever the stream's buffer is full so that a
// report of any size passes through bounded memory. Plain Node: the desktop shell and tests share it.
import { createWriteStream, fchmodSync, fstatSync, type WriteStream } from 'node:fs';
import { lstat, rm } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../data-folder';
import type { ExportSource } from '../platform';

export interface WriteExportOptions {
  /** Checked before every chunk: aborting stops the write at the next chunk (within ~256 KB). */
  signal?: AbortSignal;
  /** Rows written so far, whenever the source says (see ExportSource.write's rowsSoFar). */
  onRows?: (rows: number) => void;
  /** false: an existing file is left alone and the write fails with EEXIST. */
  overwrite?: boolean;
}

/** Thrown when the signal stopped the write; the partial file is gone by then. */
export class ExportAborted extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportAborted';
  }
}

function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/** Closes the file descriptor before the file is removed: Windows refuses to delete an open file. */
async function discard(stream: WriteStream, path: string, openFailed: boolean): Promise<void> {
  if (!stream.closed) {
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    stream.destroy();
    await closed;
  }
  // A path that could not be opened was never ours to remove (it may be a folder or someone's file).
  // Any other stop removes the file, even one aborted while it was still opening.
  // Only a regular file is removed: a device (/dev/full) or a symlink's target is not ours.
  if (!openFailed && (await lstat(path).catch(() => null))?.isFile()) await rm(path, { force: true });
}

/**
 * Writes `source` to `path` and resolves with its row count. On failure or abort the partial file is
 * removed before the promise rejects (ExportAborted for an abort, the fs error otherwise).
 */
export async function writeExportToFile(
  source: ExportSource,
  path: string,
  options: WriteExportOptions = {},
): Promise<number> {
  const { signal, onRows } = options;
  if (signal?.aborted) throw new ExportAborted();
  // A buffer above the export's 256 KB chunks, so a chunk never waits for a drain it does not need.
  // Owner-only, like the data folder the rows come from, wherever the operator chose to put it.
  const stream = createWriteStream(path, {
    flags: options.overwrite === false ? 'wx' : 'w',
    mode: PRIVATE_FILE_MODE,
    highWaterMark: 1 << 20,
  });
  // The mode above only applies to a new file; one being replaced keeps its own unless changed.
  stream.once('open', (fd) => {
    if (process.platform === 'win32') return;
    try {
      // Only a regular file: a path such as /dev/null must keep its permissions.
      if (fstatSync(fd).isFile()) fchmodSync(fd, PRIVATE_FILE_MODE);
    } catch {
      // Someone else's file we may write but not chmod (a shared folder): the export still goes ahead.
    }
  });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  try {
    const rows = await source.write(async (chunk, rowsSoFar) => {
      if (failure) throw failure;
      if (signal?.aborted) throw new ExportAborted();
      if (!stream.write(chunk)) await drained(stream);
      if (rowsSoFar !== undefined) onRows?.(rowsSoFar);
    });
    if (signal?.aborted) throw new ExportAborted();
    await new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      stream.once('error', reject);
      // end()'s callback also receives an error raised earlier (the file could not be opened).
      stream.end((error?: Error | null) => ((error ?? failure) ? reject(error ?? failure) : resolve()));
    });
    return rows;
  } catch (error) {
    await discard(stream, path, (failure as NodeJS.ErrnoException | undefined)?.syscall === 'open');
    // The source may have wrapped or replaced our abort; the signal is the truth.
    throw signal?.aborted ? new ExportAborted() : error;
  }
}
