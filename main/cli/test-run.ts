// Tests only: `omnicast ARGV` run in this process, its output collected, as a user would see it.
import { PassThrough } from 'node:stream';
import type { CliIO } from './command';
import { runCli } from './run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
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
  const io: CliIO = { stdout, stderr, env, cwd, signal: new AbortController().signal };
  const code = await runCli(argv, io);
  return { code, stdout: out(), stderr: err() };
}
