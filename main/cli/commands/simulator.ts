import { once } from 'node:events';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { CliFailure, numberOption, parseOptions, type Command } from '../command';

export const simulatorCommand: Command = {
  name: 'simulator',
  summary: 'run a local Messente look-alike (loopback only) to rehearse and test sends',
  help: [
    'Usage: omnicast simulator --port N [--log FILE] [options]',
    '',
    '  --port N                 port on 127.0.0.1 (0 = any free port)',
    '  --log FILE               append one JSON line per accepted omnimessage',
    '  --username U             API username to accept (default test)',
    '  --password P             API password to accept (default test)',
    '  --latency-ms N           delay every answer by N ms',
    '  --rate-limit N           answer 429 above N requests in any 1-second window',
    '  --fail-rate P            share (0–1) of requests answered 503 before processing',
    '  --drop-rate P            share of sends accepted and logged, then reset without an answer',
    '  --timeout-rate P         share of sends accepted and logged, then answered after 60 s',
    '  --seed N                 seed for fault and delivery decisions (repeatable runs)',
    '  --status-delay-ms N      time between delivery status steps (default 2000)',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        port: { type: 'string' },
        log: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'latency-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        'fail-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        'timeout-rate': { type: 'string' },
        seed: { type: 'string' },
        'status-delay-ms': { type: 'string' },
      },
      false,
    );
    const port = numberOption('port', values.port ?? '4010', 0, 65_535)!;
    const username = values.username ?? 'test';
    const password = values.password ?? 'test';
    let sim: RunningSimulator;
    try {
      sim = await startSimulator({
        port: Math.floor(port),
        username,
        password,
        ...(values.log ? { logFile: values.log } : {}),
        latencyMs: numberOption('latency-ms', values['latency-ms'], 0, 600_000) ?? 0,
        rateLimit: numberOption('rate-limit', values['rate-limit'], 1, 1_000_000),
        failRate: numberOption('fail-rate', values['fail-rate'], 0, 1),
        dropRate: numberOption('drop-rate', values['drop-rate'], 0, 1),
        timeoutRate: numberOption('timeout-rate', values['timeout-rate'], 0, 1),
        seed: numberOption('seed', values.seed, 0, 2 ** 32 - 1),
        statusDelayMs: numberOption('status-delay-ms', values['status-delay-ms'], 0, 86_400_000),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new CliFailure(`port ${port} is already in use: pick another with --port`);
      if (code === 'EACCES')
        throw new CliFailure(`not allowed to listen on port ${port}: pick one above 1024`);
      if (code === 'ENOENT' || code === 'EISDIR') throw new CliFailure(`cannot open log file ${values.log}`);
      throw error;
    }
    io.stdout.write(
      `Messente simulator listening on ${sim.apiUrl} (username ${username}, password ${password})\n`,
    );
    if (!io.signal.aborted) await once(io.signal, 'abort');
    await sim.close();
    io.stderr.write(`Simulator stopped after accepting ${sim.accepted().length} omnimessages.\n`);
    return 0;
  },
};
