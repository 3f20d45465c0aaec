import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Starts the real web host (`npm run web`'s entry, built) on a random loopback port with a fresh
 * data folder, and hands its one-time token URL to the tests through the environment. The teardown
 * stops the host and removes the folder.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnicast-e2e-'));
  const child = spawn(process.execPath, ['dist/main/web-host.cjs', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the web host did not print its URL within 20 s')),
      20_000,
    );
    child.once('exit', (code) => reject(new Error(`the web host exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  process.env.OMNICAST_E2E_URL = url;
  process.env.OMNICAST_E2E_DATA_DIR = dataDir;
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
}
