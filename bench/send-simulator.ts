// The send bench's Messente: the real simulator (`omnicast simulator`) in a child process, so that
// its CPU and memory are not counted as the engine's, logging each request's arrival time.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LATENCY_MS = 30;
const CLI = resolve(process.cwd(), 'dist/main/cli.cjs');

export interface Simulator {
  apiUrl: string;
  legacyUrl: string;
  logFile: string;
  child: ChildProcess;
}

export async function startSimulator(dir: string): Promise<Simulator> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const logFile = join(dir, 'simulator.jsonl');
  const child = spawn(
    process.execPath,
    [
      // The simulator keeps every accepted message (for status questions), so its young-generation
      // collections copy many survivors: at Node's default size they paused it for 8 ms on average
      // and up to 24 ms at 150/s, and requests that came in meanwhile were stamped together when it
      // resumed, as a burst that was never on the wire. A small young generation collects more often
      // in pauses of about 1 ms (4.5 ms at most), so `received_at` stays the time of arrival.
      '--max-semi-space-size=1',
      CLI,
      'simulator',
      '--port',
      '0',
      '--latency-ms',
      String(LATENCY_MS),
      '--log',
      logFile,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const apiUrl = await new Promise<string>((done, fail) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const url = /(http:\/\/\S+\/v1)/.exec(text)?.[1];
      if (url) done(url);
    });
    child.once('exit', (code) => fail(new Error(`simulator exited (${code}): ${text}`)));
  });
  return { apiUrl, legacyUrl: apiUrl.replace(/\/v1$/, ''), logFile, child };
}

/** Characters in the simulator's log so far: what a run logs is read from there on. */
export const logLength = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').length : 0);
