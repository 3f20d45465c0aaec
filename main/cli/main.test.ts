// The built `omnicast` process itself (npm test builds before the unit tests): what only the
// process entry does, beyond runCli's in-process tests.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-dir';

const CLI = resolve(__dirname, '../../dist/main/cli.cjs');

describe('the omnicast process', () => {
  it('leaves quietly with exit 0 when its reader stops early (omnicast preview … | head)', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const dir = tempDir('omnicast-epipe');
    const file = join(dir, 'big.csv');
    const lines = ['name,phone'];
    for (let i = 0; i < 50_000; i++) lines.push(`N${i},+3725${String(i).padStart(7, '0')}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const child = spawn(
      process.execPath,
      [
        CLI,
        'preview',
        file,
        '--template',
        'Hi {{name}}',
        '--format',
        'jsonl',
        '--data-dir',
        join(dir, 'data'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
