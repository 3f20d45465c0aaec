// Temporary folders for tests, removed when the test file ends: a test suite that leaves folders
// behind fills the temp directory of every machine that runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// Registered when a test file first imports this module, so it runs after the file's own afterAll
// hooks (Vitest runs them last-registered first): servers and databases are closed by then.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** A new empty folder under the temp directory, named `<prefix>-XXXXXX`, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/-$/, '')}-`));
  created.push(dir);
  return dir;
}
