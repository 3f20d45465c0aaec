// `npm run web` / `node dist/main/web-host.cjs`: the core with the download platform, the web host
// in front of it, one line with the link, and a clean stop on Ctrl-C (sending campaigns pause).
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createCore, type Core } from '../core';
import { DataFolderError } from '../data-folder';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseTooNewError } from '../db/migrations';
import { VERSION } from '../version';
import { DEFAULT_PORT, parseWebHostArgs, USAGE, type WebHostArgs } from './args';
import { createDownloadPlatform } from './downloads';
import { startWebHost, type WebHost } from './server';
import { errorMessage } from '../../shared/errors';

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

async function listen(
  core: Core,
  port: number | undefined,
  downloads: ReturnType<typeof createDownloadPlatform>,
): Promise<WebHost> {
  // Bundled to dist/main/web-host.cjs, next to dist/renderer.
  const staticDir = join(__dirname, '../renderer');
  const logError = (context: string, error: unknown): void => {
    console.error(`Omnicast: ${context} failed:`, error);
  };
  const start = (p: number): Promise<WebHost> =>
    startWebHost({ core, port: p, staticDir, downloads, logError });
  if (port !== undefined) return start(port);
  try {
    return await start(DEFAULT_PORT);
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    return start(0);
  }
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code for failures before that. */
export async function runWebHost(argv: string[]): Promise<number> {
  let args: WebHostArgs;
  try {
    args = parseWebHostArgs(argv, process.env, process.cwd());
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n${USAGE}\n`);
    return 2;
  }

  const downloads = createDownloadPlatform();
  let core: Core;
  try {
    core = await createCore({
      dataDir: args.dataDir,
      platform: downloads,
      version: VERSION,
      notice: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (
      error instanceof DatabaseTooNewError ||
      error instanceof DataFolderError ||
      error instanceof DatabaseDamagedError
    ) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Cannot open the data folder ${args.dataDir}: ${errorMessage(error)}\n`);
    return 1;
  }

  let host: WebHost;
  try {
    host = await listen(core, args.port, downloads);
  } catch (error) {
    await core.close();
    const reason = isAddressInUse(error) ? `port ${args.port} is already in use` : String(error);
    process.stderr.write(`Cannot start the web host: ${reason}.\n`);
    return 1;
  }

  process.stdout.write(
    `Omnicast is running. Open this link in your browser (it works once):\n  ${host.url}\n` +
      'Press Enter here for a new link (for another browser, or after a long break); Ctrl-C stops.\n',
  );
  // Each link is spent by its first visit, so getting back in must not need a restart (which would
  // pause a campaign that is sending).
  createInterface({ input: process.stdin, terminal: false }).on('line', () => {
    process.stdout.write(`New link (it works once):\n  ${host.newEntryUrl()}\n`);
  });

  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C leaves at once; the first lets in-flight messages be recorded.
    if (stopping) process.exit(130);
    stopping = true;
    void host
      .close()
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Omnicast: stopping failed:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {
    // Never resolves: the process ends in stop().
  });
}
