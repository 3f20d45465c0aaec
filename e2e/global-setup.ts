import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess } from './web-host-process';

/**
 * Starts the real web host on a random loopback port with a fresh data folder. Its link works once,
 * so setup spends it here, the way a browser does, and hands the tests the session cookie and the
 * origin through the environment. The teardown stops the host and removes the folder.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnicast-e2e-'));
  const host = await startHostProcess(dataDir);
  const entry = await fetch(`${host.origin}/open`, {
    headers: { Authorization: `Basic ${Buffer.from(`omnicast:${host.token}`).toString('base64')}` },
    redirect: 'manual',
  });
  const cookie = entry.headers.get('set-cookie')?.split(';')[0];
  if (entry.status !== 303 || !cookie) {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the web host's link answered ${entry.status}`);
  }
  process.env.OMNICAST_E2E_ORIGIN = host.origin;
  process.env.OMNICAST_E2E_COOKIE = cookie;
  process.env.OMNICAST_E2E_DATA_DIR = dataDir;
  return async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
}
