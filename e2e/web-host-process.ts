import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The printed link, http://omnicast:TOKEN@127.0.0.1:PORT/open. */
const ENTRY_LINK = /(http:\/\/omnicast:([\w-]+)@127\.0\.0\.1:(\d+)\/open)/;

export interface HostProcess {
  /** The link as printed, secret included. */
  link: string;
  token: string;
  origin: string;
  stop(): Promise<void>;
}

/** The real web host (`npm run web`'s built entry) on a free loopback port, until stop(). */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['dist/main/web-host.cjs', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the web host did not print its link within 20 s')),
        20_000,
      );
      child.once('exit', (code) => reject(new Error(`the web host exited with code ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const found = ENTRY_LINK.exec(line);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    return { link: match[1]!, token: match[2]!, origin: `http://127.0.0.1:${match[3]}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
