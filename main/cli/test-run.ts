// Tests only: `omnicast ARGV` run in this process, its output collected, as a user would see it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
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
