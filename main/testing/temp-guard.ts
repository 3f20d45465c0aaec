// Vitest's global setup: the run gets a temp directory of its own (TMPDIR, inherited by the test
// workers and every process they start), and what the tests leave in it is named and fails the run.
// Other programs writing to the shared temp directory at the same time cannot blur the count.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fixed-name caches that tools (not tests) keep in the temp directory: reused, never piling up. */
const TOOL_CACHES = new Set(['jiti']);

export default function setup(): () => void {
  const previous = { ...process.env };
  const runDir = mkdtempSync(join(tmpdir(), 'omnicast-vitest-'));
  process.env.TMPDIR = runDir;
  process.env.TMP = runDir;
  process.env.TEMP = runDir;
  return () => {
    const left = readdirSync(runDir).filter((name) => !TOOL_CACHES.has(name));
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    restore('TMPDIR', previous.TMPDIR);
    restore('TMP', previous.TMP);
    restore('TEMP', previous.TEMP);
    if (left.length > 0) {
      // Thrown from a teardown, an error is printed but does not change Vitest's exit code: set it.
      process.exitCode = 1;
      console.error(
        `The tests left ${left.length} entries in the temp directory (${left.slice(0, 10).join(', ')}${left.length > 10 ? ', …' : ''}): remove what a test creates (main/testing/temp-dir.ts).`,
      );
    }
  };
}

function restore(key: 'TMPDIR' | 'TMP' | 'TEMP', value: string | undefined): void {
  if (value === undefined) Reflect.deleteProperty(process.env, key);
  else process.env[key] = value;
}
