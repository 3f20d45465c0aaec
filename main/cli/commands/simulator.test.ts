import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliFailure, type CliIO } from '../command';
import { simulatorCommand } from './simulator';

function io(signal: AbortSignal) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const value: CliIO = { stdout, stderr, env: {}, cwd: process.cwd(), signal };
  return { value, out: () => out };
}

describe('omnicast simulator', () => {
  it('listens, answers with the default credentials, and stops on abort', async () => {
    const controller = new AbortController();
    const cli = io(controller.signal);
    const exit = simulatorCommand.run(['--port', '0', '--latency-ms', '1'], cli.value);
    await expect
      .poll(() => cli.out())
      .toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/v1 \(username test, password test\)/);
    const apiUrl = /(http:\S+\/v1)/.exec(cli.out())![1]!;
    const res = await fetch(`${apiUrl}/phonebook/blacklist`, {
      headers: { authorization: `Basic ${Buffer.from('test:test').toString('base64')}` },
    });
    expect(res.status).toBe(200);
    controller.abort();
    expect(await exit).toBe(0);
    await expect(fetch(`${apiUrl}/phonebook/blacklist`)).rejects.toThrow();
  });

  it('says so in one line when the port is taken', async () => {
    const controller = new AbortController();
    const first = io(controller.signal);
    const running = simulatorCommand.run(['--port', '0'], first.value);
    await expect.poll(() => first.out()).toMatch(/listening/);
    const port = /:(\d+)\/v1/.exec(first.out())![1]!;
    await expect(simulatorCommand.run(['--port', port], io(controller.signal).value)).rejects.toThrow(
      CliFailure,
    );
    await expect(simulatorCommand.run(['--port', port], io(controller.signal).value)).rejects.toThrow(
      /already in use/,
    );
    controller.abort();
    await running;
  });
});
