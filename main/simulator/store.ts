// The simulator's accepted messages kept in a file, so that a later process's simulator answers
// for them: test mode's world outlives the run that sent into it (`omnicast send --test-mode`, then
// `omnicast report` tomorrow). One JSON line per accepted omnimessage or cancellation, appended
// before the answer leaves; every process reads what the others appended when asked about an id
// it does not know yet.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { StoredOmnimessage } from './statuses';

export type StoreLine = { message: StoredOmnimessage } | { cancel: string; at: number };

export interface SimulatorStore {
  /** Writes these lines at the end of the file in one write. */
  append(lines: readonly StoreLine[]): void;
  /** The complete lines written (by any process) since the last read, in order. */
  readNew(): StoreLine[];
  close(): void;
}

const NEWLINE = 0x0a;

export function openSimulatorStore(path: string): SimulatorStore {
  // Private to the user, like the rest of the data folder: it holds the numbers messages went to.
  const fd = openSync(path, 'a+', 0o600);
  let offset = 0;
  return {
    append(lines) {
      if (lines.length === 0) return;
      writeSync(fd, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    },
    readNew() {
      const size = fstatSync(fd).size;
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      // A line still being written by another process is left for the next read.
      const end = buffer.subarray(0, read).lastIndexOf(NEWLINE);
      if (end < 0) return [];
      offset += end + 1;
      return buffer
        .subarray(0, end)
        .toString('utf8')
        .split('\n')
        .flatMap((text) => parseLine(text));
    },
    close: () => closeSync(fd),
  };
}

/** A damaged line (a process killed mid-write long ago) is passed over: the rest still answers. */
function parseLine(text: string): StoreLine[] {
  if (text.trim() === '') return [];
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return [];
    if ('message' in value || ('cancel' in value && 'at' in value)) return [value as StoreLine];
    return [];
  } catch {
    return [];
  }
}
