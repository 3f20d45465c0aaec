// Per-row delivery times: detecting the time column and planning every row (zone from the country,
// "24 h before", quiet hours), for an appointment list that repeats its slots and for one whose
// every time differs, then the preview of a template that writes the appointment.
import { existsSync, readFileSync } from 'node:fs';
import { detectTimeColumns, planRowTime, type DeliveryPlan } from '../shared/delivery-time';
import { compileTemplate, previewRow, type RowTimeContext } from '../shared/sms';

const NOW = Date.parse('2026-04-20T00:00:00Z');
const COLUMNS = ['Name', 'Phone', 'Appointment', 'Country'];

function list(rows: number, distinct: boolean): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const when = distinct
      ? new Date(Date.parse('2026-05-01T05:00:00Z') + i * 17_000).toISOString()
      : `${String(1 + (i % 28)).padStart(2, '0')}.05.2026 ${String(8 + (i % 10)).padStart(2, '0')}:30`;
    result.push([`Name ${i}`, `+3725${1_000_000 + i}`, when, i % 3 === 0 ? 'FI' : 'EE']);
  }
  return result;
}

function cpuMicros(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function benchList(label: string, rows: string[][]): void {
  let format: string | null = null;
  const detectUs = cpuMicros(() => (format = detectTimeColumns(COLUMNS, rows)[0]?.format ?? null));
  const plan: DeliveryPlan = {
    column: 2,
    format: format ?? 'iso',
    rule: { kind: 'before', minutes: 1440 },
    quietHours: { from: '21:00', to: '08:00' },
    zone: 'Europe/Tallinn',
    countryColumn: 3,
  };
  const times = new Array<RowTimeContext>(rows.length);
  const planUs = cpuMicros(() => {
    rows.forEach((row, i) => {
      const time = planRowTime(row[2]!, row[3]!, plan, NOW);
      times[i] = {
        column: 2,
        appointment: time.appointment ?? null,
        zone: time.zone ?? plan.zone,
        locale: time.locale ?? 'en',
      };
    });
  });
  const compiled = compileTemplate(
    'Hi {{Name}}, see you {{Appointment|weekday}} {{Appointment|date}} at {{Appointment|time}}.',
    COLUMNS,
  );
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  const previewUs = cpuMicros(() => {
    rows.forEach((row, i) =>
      previewRow(compiled.template, row, null, { autoconvert: 'on', prices: {} }, times[i]!),
    );
  });
  const perRow = (us: number) => (us / rows.length).toFixed(1);
  console.log(
    `${label}, ${rows.length} rows (${format}): detect ${(detectUs / 1000).toFixed(0)} ms CPU; ` +
      `plan ${perRow(planUs)} µs/row CPU (${(planUs / 1e6).toFixed(2)} s); ` +
      `preview with |time |date |weekday ${perRow(previewUs)} µs/row CPU`,
  );
}

/** CPU time, not wall time: the figures then hold on a busy machine too (its load printed beside). */
export function runDeliveryTimeBench({ rows }: { rows: number }): void {
  if (existsSync('/proc/loadavg'))
    console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  benchList('Repeated slots (280 distinct times)', list(rows, false));
  benchList('Every time distinct', list(rows, true));
}
