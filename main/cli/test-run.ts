// Tests only: `omnicast ARGV` run in this process, its output collected, as a user would see it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startSimulator, type RunningSimulator } from '../simulator';
import type { CliIO } from './command';
import { runCli } from './run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every write to either stream, in the order made: what a terminal showing both would get. */
  writes: string[];
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

export async function omnicast(
  argv: string[],
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const writes: string[] = [];
  for (const stream of [stdout, stderr]) stream.on('data', (c: Buffer) => writes.push(c.toString('utf8')));
  // A run that names no data folder gets a throw-away one: a test never opens (or upgrades) the
  // real data folder of whoever runs the suite.
  const ownDataDir =
    argv.includes('--data-dir') || env.OMNICAST_DATA_DIR !== undefined
      ? undefined
      : mkdtempSync(join(tmpdir(), 'omnicast-cli-data-'));
  const runEnv = ownDataDir === undefined ? env : { ...env, OMNICAST_DATA_DIR: ownDataDir };
  const io: CliIO = { stdout, stderr, env: runEnv, cwd, signal: new AbortController().signal };
  try {
    const code = await runCli(argv, io);
    return { code, stdout: out(), stderr: err(), writes };
  } finally {
    if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
  }
}

/** The Messente credentials a CLI test gives `omnicast` through the environment. */
export const CLI_ENV = { MESSENTE_USERNAME: 'test', MESSENTE_PASSWORD: 'secret-pw-123' };

/** A simulator that takes CLI_ENV's credentials, logging each accepted message to `logFile` when given. */
export function startCliSimulator(logFile?: string): Promise<RunningSimulator> {
  return startSimulator({
    port: 0,
    username: CLI_ENV.MESSENTE_USERNAME,
    password: CLI_ENV.MESSENTE_PASSWORD,
    ...(logFile === undefined ? {} : { logFile }),
  });
}

/**
 * `omnicast ARGV` with its campaigns in `dataDir`, talking to the Messente at `apiUrl` (a simulator
 * or a scripted server) with the credentials in `env`.
 */
export function omnicastAt(
  server: { apiUrl: string },
  dataDir: string,
  argv: string[],
  env: NodeJS.ProcessEnv = CLI_ENV,
  cwd: string = process.cwd(),
): Promise<CliRun> {
  return omnicast([...argv, '--data-dir', dataDir, '--api-url', server.apiUrl], cwd, env);
}

/** `omnicast send ARGS` to `sim`, confirmed up front, keeping its campaigns in `dataDir`. */
export function sendTo(
  sim: RunningSimulator,
  args: string[],
  place: { cwd: string; dataDir: string },
  env: NodeJS.ProcessEnv = CLI_ENV,
): Promise<CliRun> {
  return omnicastAt(sim, place.dataDir, ['send', ...args, '--yes'], env, place.cwd);
}
