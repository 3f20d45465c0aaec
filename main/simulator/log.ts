// The simulator's log file (one JSON line per accepted or cancelled message). Lines are written off
// the event loop, in order: a write held up by the disk (another process's fsync, say) then delays
// no other request's reading, so every `received_at` is stamped when its request arrived. Whoever
// answers waits for the line first: a line in the log still means "accepted".
import { closeSync, openSync, write } from 'node:fs';

const writeAll = (fd: number, data: Buffer): Promise<void> =>
  new Promise((resolve, reject) => {
    write(fd, data, 0, data.length, null, (error, written) => {
      if (error) return reject(error);
      if (written < data.length) writeAll(fd, data.subarray(written)).then(resolve, reject);
      else resolve();
    });
  });

export class SimLog {
  private readonly fd: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Queues `lines` after every earlier line; resolves once they are in the file. */
  append(lines: readonly string[]): Promise<void> {
    const data = Buffer.from(`${lines.join('\n')}\n`);
    const written = this.tail.then(() => writeAll(this.fd, data));
    // A failed write fails its own request (answered 500); later lines are still tried.
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** Closes the file once every queued line is written. */
  async close(): Promise<void> {
    await this.tail;
    closeSync(this.fd);
  }
}
