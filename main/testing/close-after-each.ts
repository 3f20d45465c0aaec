// Tests only: what a test opens (a core, a simulator, a sender, a server) is closed after the test,
// last opened first, so that a failing test leaves no server listening and no database open for the
// next one. Registers a vitest afterEach: never import it from product code.
import { afterEach } from 'vitest';

interface Closable {
  close(): unknown;
}

export interface Closer {
  /** `opened`, closed with its own close() after the test. */
  <T extends Closable>(opened: T): T;
  /** `opened`, closed with `close` after the test. */
  <T>(opened: T, close: (opened: T) => unknown): T;
  /** Closes `opened` now, inside the test (whose checks may come after it), and not again later. */
  now(opened: unknown): Promise<void>;
}

/** A closer for the tests of this file; call it once, at the top level of the file. */
export function closeAfterEach(): Closer {
  const closers = new Map<unknown, () => unknown>();
  afterEach(async () => {
    const pending = [...closers.values()].reverse();
    closers.clear();
    for (const close of pending) await close();
  });
  const later = <T>(opened: T, close?: (opened: T) => unknown): T => {
    closers.set(opened, () => (close ? close(opened) : (opened as Closable).close()));
    return opened;
  };
  return Object.assign(later, {
    async now(opened: unknown) {
      const close = closers.get(opened);
      closers.delete(opened);
      await close?.();
    },
  }) as Closer;
}
