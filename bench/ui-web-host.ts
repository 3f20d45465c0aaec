// The built web host (`npm run web`) on a free loopback port, for the UI benchmark: started as a child
// process, its one-time link spent for a session cookie, stopped when the bench is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface WebHostProcess {
  origin: string;
  /** name=value of a session cookie: the printed link works once, and every run uses a fresh context. */
  cookie: string;
  stop: () => Promise<void>;
}

/** The built `npm run web` entry on a free loopback port, its one-time link spent for a session. */
export async function startWebHost(dataDir: string): Promise<WebHostProcess> {
  // The bench bundle is dist/bench/bench.mjs; `npm run build` puts the host in dist/main.
  const entry = new URL('../main/web-host.cjs', import.meta.url).pathname;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const link = new URL(await waitForUrl(child));
    const entry = await fetch(`${link.origin}${link.pathname}`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${link.username}:${link.password}`).toString('base64')}`,
      },
      redirect: 'manual',
    });
    const cookie = entry.headers.get('set-cookie')?.split(';')[0];
    if (entry.status !== 303 || !cookie) throw new Error(`the web host's link answered ${entry.status}`);
    return { origin: link.origin, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the web host did not print its URL within 20 s')),
      20_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited with code ${code} before printing its URL`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /(http:\/\/omnicast:[\w-]+@127\.0\.0\.1:\d+\/open)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}
