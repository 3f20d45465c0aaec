// What every `omnicast` sub-command is: a name, its help, and a run function that returns the exit
// code (0 success, 1 failure, 2 bad usage or bad input). Commands never call process.exit
// themselves, so they can be tested in-process.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../../shared/errors';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C (first press); long commands stop cleanly when it fires. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text: usage line, then one line per option. */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Bad usage or bad input: exit code 2 with this one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure the operator can act on: exit code 1 with this one-line message, no stack trace. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

/** node:util parseArgs, with unknown options and bad values turned into UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: withNegativeValues(argv, options), options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
}

/**
 * `--offset -24h` as `--offset=-24h`: a value starting with a minus and a digit is never an option,
 * and people write offsets and amounts that way.
 */
function withNegativeValues(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Parses a number option, naming the option in the error. */
export function numberOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

/** The one campaign id `omnicast COMMAND ID` takes, else a UsageError showing how to give it. */
export function campaignIdArgument(positionals: readonly string[], command: string): number {
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) {
    throw new UsageError(
      `give the id of one campaign, e.g. omnicast ${command} 3 (omnicast campaigns lists them).`,
    );
  }
  return Number(positionals[0]);
}
