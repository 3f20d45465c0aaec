// Entry of `npm run bench`: every benchmark prints its figures and its targets side by side.
import { parseArgs } from 'node:util';
import { runDeliveryTimeBench } from './delivery-time';
import { runImportBench } from './import';
import { runXlsxImportBench } from './import-xlsx';
import { runReportBench } from './report';
import { runSendBench } from './send';
import { runSmsBench } from './sms';
import { runStatusBench } from './status';
import { runUiImportBench } from './ui-import';

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean' } },
  strict: true,
});
const only = values.only ? new Set(values.only.split(',')) : null;
const quick = values.quick === true;
const rows = quick ? 100_000 : 1_000_000;

const benches: [string, () => Promise<void>][] = [
  ['sms', () => runSmsBench({ rows })],
  ['import', () => runImportBench({ rows, quick })],
  ['xlsx', () => runXlsxImportBench()],
  ['send', () => runSendBench({ quick })],
  ['report', () => runReportBench({ rows })],
  ['status', () => runStatusBench({ rows, quick })],
  // An appointment list of 100 000 rows is already far beyond a clinic's month.
  ['delivery-time', async () => runDeliveryTimeBench({ rows: 100_000 })],
  // The built web host (npm run bench builds first) driven by Debian's Chromium.
  ['ui', async () => void (await runUiImportBench({ quick }))],
];

for (const [name, run] of benches) {
  if (only && !only.has(name)) continue;
  console.log(`\n=== ${name}${quick ? ' (quick)' : ''}`);
  await run();
}
