// Omnicast's own delivery report, imported again as a recipients file, gives back every number that
// was sent: the phone spellings people type come out as the same E.164 numbers, none lost or merged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator';
import { tempDir } from '../../testing/temp-dir';
import { omnicast, sendTo, startCliSimulator } from '../test-run';

describe('send, export the report, import it again', () => {
  let dir: string;
  let sim: RunningSimulator;

  beforeAll(async () => {
    dir = tempDir('omnicast-round-trip');
    sim = await startCliSimulator();
    writeFileSync(
      join(dir, 'spellings.csv'),
      [
        'Nimi;Telefon;Riik',
        "Mari;'+37251000001;EE",
        'Jüri;tel: +372 5100 0002;EE',
        'Aino;00358 40 100 0003;FI',
        'Matti;040-100 0004;Suomi',
        'John;(201) 555-0105;US',
        'Анна;5100 0006;',
        'Zoë 🎉;+372.5100.0007;Eesti',
      ].join('\r\n'),
    );
  });
  afterAll(async () => {
    await sim.close();
  });

  it('gets every row back with the same number', async () => {
    const dataDir = join(dir, 'data');
    const send = await sendTo(sim, ['spellings.csv', '--template', 'Tere {{Nimi}}'], { cwd: dir, dataDir });
    expect(send.stderr).toContain('7 ready, 0 invalid');
    expect(send.code).toBe(0);
    const id = send.stdout.trim().split('\n').at(-1)!;
    const report = await omnicast(['report', id, '--out', 'report.csv', '--data-dir', dataDir], dir);
    expect(report.code).toBe(0);
    // The report is written with the imported file's delimiter, so a semicolon-locale Excel opens it.
    const header = readFileSync(join(dir, 'report.csv'), 'utf8').split('\r\n')[0];
    expect(header).toMatch(/^\uFEFFNimi;Telefon;Riik;omnicast_row;to;status;/);
    const tabbed = await omnicast(
      ['report', id, '--out', 'report.tsv', '--delimiter', 'tab', '--data-dir', dataDir],
      dir,
    );
    expect(tabbed.code).toBe(0);
    expect(readFileSync(join(dir, 'report.tsv'), 'utf8')).toContain(
      '\uFEFFNimi\tTelefon\tRiik\tomnicast_row\t',
    );
    const bad = await omnicast(
      ['report', id, '--out', 'x.csv', '--delimiter', '|', '--data-dir', dataDir],
      dir,
    );
    expect([bad.code, bad.stderr]).toEqual([2, 'omnicast report: --delimiter must be , ; or tab\n']);
    const again = await omnicast(
      ['preview', 'report.csv', '--template', 'Hi {{Nimi}}', '--format', 'jsonl'],
      dir,
    );
    expect(again.code).toBe(0);
    const rows = again.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to?: string; status?: string })
      .filter((r) => r.status !== undefined);
    expect(rows.map((r) => [r.to, r.status])).toEqual(
      [
        '+37251000001',
        '+37251000002',
        '+358401000003',
        '+358401000004',
        '+12015550105',
        '+37251000006',
        '+37251000007',
      ].map((to) => [to, 'ok']),
    );
  });
});
