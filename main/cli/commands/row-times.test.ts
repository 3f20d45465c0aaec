// A clinic's appointment list sent with each row at its own time, through the CLI against the
// simulator, on a clock the test controls (Date only; timers and sockets stay real). Appointments
// over three days across the night Europe's clocks change, one past, one unreadable, one too far,
// rows in Tallinn and New York: each row's time_to_send is read from the simulator's log, and a
// cancel after the first row's time deletes the two still ahead (202) and reports the first as sent.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { tempDir } from '../../testing/temp-dir';
import { omnicast } from '../test-run';

const ENV = { MESSENTE_USERNAME: 'u', MESSENTE_PASSWORD: 'p' };
const T0 = Date.parse('2026-03-27T08:00:00Z'); // Friday 10:00 in Tallinn

const CLINIC = [
  'Name,Phone,Country,Appointment',
  'Mari,+37251000001,EE,28.03.2026 12:00',
  'John,(201) 555-0105,US,29.03.2026 09:00',
  'Jaan,+37251000003,EE,30.03.2026 07:30',
  'Kati,+37251000004,EE,26.03.2026 15:00',
  'Toomas,+37251000005,EE,soon',
  'Liis,+37251000006,EE,15.05.2026 10:00',
].join('\n');

const TIME_FLAGS = ['--time-column', 'Appointment', '--offset', '-24h', '--zone', 'Europe/Tallinn'];
const TEMPLATE = ['--template', 'Tere {{Name}}! Aeg {{Appointment|weekday}} {{Appointment|time}}.'];

let sim: RunningSimulator | undefined;
let dir: string;
let logFile: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  dir = tempDir('omnicast-cli-row-times-');
  logFile = join(dir, 'sim.log');
  writeFileSync(join(dir, 'clinic.csv'), CLINIC);
  sim = await startSimulator({ port: 0, username: 'u', password: 'p', now: () => Date.now(), logFile });
});
afterEach(async () => {
  vi.useRealTimers();
  await sim?.close();
});

const run = (args: string[]) => omnicast([...args, '--data-dir', join(dir, 'data')], dir, ENV);

describe('omnicast with a time column', () => {
  it('preview prints each row’s delivery time, the problem groups and messages per hour', async () => {
    const r = await run(['preview', 'clinic.csv', ...TEMPLATE, ...TIME_FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const row = (n: number) => lines.find((l) => l.trimStart().startsWith(`${n} `)) ?? '';
    expect(row(2)).toContain('2026-03-27T12:00+02:00');
    expect(row(3)).toContain('2026-03-28T09:00-04:00');
    // 24 h before 07:30 is 07:30 the day the clocks went forward: quiet hours move it to 08:00.
    expect(row(4)).toContain('2026-03-29T08:00+03:00');
    expect(row(4)).toContain('Tere Jaan! Aeg esmaspäev 7:30.');
    // The table cuts long reasons; the groups below say them whole.
    expect(row(5)).toContain('(skipped: The appointment 2026-03-26 15:00 (Europe/Tallinn) has pass');
    expect(row(6)).toContain('(skipped: The time "soon" is not a date and time');
    expect(row(7)).toContain('(skipped: The delivery time 2026-05-14 10:00 (Europe/Tallinn) is mo');
    expect(r.stdout).toContain('Rows whose delivery time has passed: 1, skipped.');
    expect(r.stdout).toContain('Rows whose time cannot be read: 1, skipped.');
    expect(r.stdout).toContain('Rows whose delivery time is more than 30 days ahead: 1, skipped.');
    expect(r.stdout).toContain('Messages per hour (Europe/Tallinn):');
    expect(r.stdout).toMatch(/2026-03-28 15:00\+02:00\s+1 /);
  });

  it('send gives each row its own time_to_send; cancel deletes two ahead and reports one already sent', async () => {
    const send = await run([
      'send',
      'clinic.csv',
      ...TEMPLATE,
      ...TIME_FLAGS,
      '--api-url',
      sim!.apiUrl,
      '--yes',
    ]);
    expect(send.stderr).toContain('Rows whose delivery time has passed: 1, skipped.');
    expect(send.stderr).toContain('Scheduled until 2026-03-29T05:00:00.000Z');
    const id = send.stdout.trim().split('\n').at(-1)!;
    const logged = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to: string; time_to_send?: string; text: string });
    expect(logged.map((l) => [l.to, l.time_to_send])).toEqual([
      ['+37251000001', '2026-03-27T10:00:00.000Z'],
      ['+12015550105', '2026-03-28T13:00:00.000Z'],
      ['+37251000003', '2026-03-29T05:00:00.000Z'],
    ]);
    expect(logged[1]!.text).toBe('Tere John! Aeg Sunday 9:00 AM.');
    const list = await run(['campaigns']);
    expect(list.stdout).toContain('(scheduled until 2026-03-29T05:00:00.000Z)');
    // The report gives each row's own delivery time as the recipient's clock shows it.
    expect((await run(['report', id, '--out', 'report.csv'])).code).toBe(0);
    const report = readFileSync(join(dir, 'report.csv'), 'utf8').split('\r\n');
    expect(report[0]).toMatch(/,schedule_cancel,send_at$/);
    expect(report.slice(1, 4).map((l) => l.split(',').at(-1))).toEqual([
      '2026-03-27T12:00+02:00',
      '2026-03-28T09:00-04:00',
      '2026-03-29T08:00+03:00',
    ]);

    // Past Mari's delivery time: hers went, the other two are still ahead.
    vi.setSystemTime(Date.parse('2026-03-27T10:00:30Z'));
    const cancel = await run(['cancel', id, '--yes', '--api-url', sim!.apiUrl]);
    expect(cancel.stderr).toBe('');
    expect(cancel.stdout).toContain(
      'Scheduled messages at Messente: 2 cancelled, 1 already sent, 0 unknown.',
    );
    expect(sim!.cancelled()).toHaveLength(2);
    expect(sim!.toDeliver().map((m) => m.to)).toEqual(['+37251000001']);
  });
});
