// `omnicast`: the headless face of the same core as the desktop app. The dispatcher is kept apart
// from the process entry (main.ts) so that tests run commands in-process.
import { VERSION } from '../version';
import { CliFailure, UsageError, type CliIO, type Command } from './command';
import { dataDirFrom } from './data-dir';
import { dataDirArg, plainFailure } from './failures';
import { campaignsCommand } from './commands/campaigns';
import { cancelCommand } from './commands/cancel';
import { previewCommand } from './commands/preview';
import { reportCommand } from './commands/report';
import { resumeCommand } from './commands/resume';
import { sendCommand } from './commands/send';
import { simulatorCommand } from './commands/simulator';
import { statusCommand } from './commands/status';
import { unknownCommand } from './commands/unknown';
import { errorMessage } from '../../shared/errors';

export const COMMANDS: readonly Command[] = [
  previewCommand,
  sendCommand,
  resumeCommand,
  cancelCommand,
  unknownCommand,
  reportCommand,
  statusCommand,
  campaignsCommand,
  simulatorCommand,
];

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `omnicast ${VERSION}: SMS campaigns through Messente, from the command line.`,
    '',
    'Usage: omnicast <command> [options]   (omnicast <command> --help for its options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options: --help, --version, --debug (show stack traces).',
  ].join('\n');
}

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  const say = (stream: NodeJS.WritableStream, text: string) =>
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    say(io.stdout, overview());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    say(io.stdout, VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    say(
      io.stderr,
      `omnicast: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    say(io.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const code = error instanceof UsageError ? 2 : 1;
    const plain = plainFailure(error, dataDirFrom(dataDirArg(rest), io));
    const message = plain ?? errorMessage(error);
    const known = plain !== undefined || error instanceof UsageError || error instanceof CliFailure;
    say(io.stderr, `omnicast ${name}: ${known ? message : `unexpected error: ${message}`}`);
    if (debug && error instanceof Error && error.stack) say(io.stderr, error.stack);
    else if (!known) say(io.stderr, 'Run again with --debug for details.');
    return code;
  }
}
