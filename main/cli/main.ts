// Process entry of `omnicast`: wires signals and stdio to runCli, then exits with its code.
import type { CliIO } from './command';
import { runCli } from './run';

function main(): void {
  // `omnicast preview big.csv | head` closes stdout early: that is the reader being done, not a
  // failure worth a stack trace. Leave quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    // First Ctrl-C stops cleanly (a sending campaign pauses); the second aborts at once.
    if (interrupts === 1) controller.abort();
    else process.exit(130);
  });
  const io: CliIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    // Let stdout drain, then leave even if a keep-alive socket or timer lingers.
    process.stdout.write('', () => process.exit(code));
  });
}

main();
