// Writes an export to the file the operator chose, waiting for the disk whenever the stream's
// buffer is full so that a report of any size passes through bounded memory.
import { createWriteStream } from 'node:fs';
import type { ExportSource } from '../platform';

export async function writeExportToFile(source: ExportSource, path: string): Promise<number> {
  // A buffer above the export's 256 KB chunks, so a chunk never waits for a drain it does not need.
  const stream = createWriteStream(path, { flags: 'w', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const drained = (): Promise<void> =>
    new Promise((resolve, reject) => {
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
  try {
    const rows = await source.write(async (chunk) => {
      if (failure) throw failure;
      if (!stream.write(chunk)) await drained();
    });
    await new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      stream.once('error', reject);
      // end()'s callback also receives an error raised earlier (the file could not be opened).
      stream.end((error?: Error | null) => ((error ?? failure) ? reject(error ?? failure) : resolve()));
    });
    return rows;
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
