// The web host's command line: `--port N` and `--data-dir DIR`, nothing else.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../paths';
import { errorMessage } from '../../shared/errors';

export const DEFAULT_PORT = 4321;

export interface WebHostArgs {
  /** undefined: the default port, or any free one if it is taken. */
  port: number | undefined;
  dataDir: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage: node dist/main/web-host.cjs [--port N] [--data-dir DIR]
  --port N          the loopback port (default ${DEFAULT_PORT}, or a free one if it is taken; 0 = any)
  --data-dir DIR    the data folder (default: $OMNICAST_DATA_DIR, else the desktop app's)`;

export function parseWebHostArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string): WebHostArgs {
  let values: { port?: string | undefined; 'data-dir'?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65_535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  }
  const dir = values['data-dir'] ?? env.OMNICAST_DATA_DIR;
  return { port, dataDir: dir ? resolve(cwd, dir) : defaultDataDir() };
}
