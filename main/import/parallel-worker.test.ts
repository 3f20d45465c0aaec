// The parallel import through real worker threads (the other tests run the slices in this thread):
// the worker bundle is built here with esbuild, as scripts/build-main.mjs builds it.
import { describe, it, expect, beforeAll } from 'vitest';
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRecipients, type ImportOptions } from '../../shared/import';
import { importRecipientsParallel } from './parallel';

const OPTS: ImportOptions = { fileName: 'f.csv', defaultCountry: 'EE', optOuts: new Set(['+37252000003']) };
let workerFile = '';

beforeAll(() => {
  workerFile = join(mkdtempSync(join(tmpdir(), 'omnicast-import-')), 'import-worker.cjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
});

function file(rows: number): Uint8Array {
  const lines = ['name,phone,city'];
  for (let i = 0; i < rows; i++) {
    const phone = i % 9 === 0 ? `5${2000000 + (i % 1000)}` : i % 31 === 0 ? 'n/a' : `+3725${2000000 + i}`;
    lines.push(`Name ${i},${phone},"City, ${i % 17}"`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

describe('importRecipientsParallel with worker threads', () => {
  it('gives what importRecipients gives, with 1 and 2 workers', async () => {
    const bytes = file(60_000);
    const expected = importRecipients(bytes, OPTS);
    for (const parts of [2, 3]) {
      expect(await importRecipientsParallel(bytes, OPTS, { parts, minBytes: 0, workerFile })).toEqual(
        expected,
      );
    }
  });

  it('rejects, without crashing the process, when the worker bundle is missing', async () => {
    const missing = join(tmpdir(), 'omnicast-no-such-worker.cjs');
    await expect(
      importRecipientsParallel(file(20_000), OPTS, { parts: 2, minBytes: 0, workerFile: missing }),
    ).rejects.toThrow();
  });
});
