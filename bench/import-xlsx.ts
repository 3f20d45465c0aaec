// Workbook import benchmark: the same 100 000 rows as a CSV file, as an Excel workbook (.xlsx, phone
// numbers in national form stored as numbers, as Excel keeps them) and as an OpenDocument
// spreadsheet (.ods, with LibreOffice's repeated empty cells and rows), each imported in full.
// Targets: an .xlsx workbook within 3× the CSV's time (.ods has none), peak memory under 1 GB.
// Both sides are imported from bytes in memory through importRecipients, so through the same
// detection and row rules.
// Each workbook is read three ways: with Node's zlib inflating its parts (as the CLI reads it), with
// its large parts inflated ahead by DecompressionStream (as the window's import worker reads it; in
// Node that stream is zlib behind JavaScript streams, slower than in Chromium), and with fflate's
// plain JavaScript alone (where neither is at hand).
import { loadavg } from 'node:os';
import { importRecipients, type ImportOutcome, type InflateRaw } from '../shared/import';
import { inflateAhead } from '../shared/import/inflate-ahead';
import { nativeInflateRaw } from '../main/native-inflate';
import { buildXlsx, type TestCell } from '../shared/import/xlsx-test-support';
import { odsOfRows } from '../shared/import/ods-test-support';
import { generateCsv } from './import';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function workbookOf(csv: string): Uint8Array {
  const rows = new Map<number, TestCell[]>();
  csv
    .trimEnd()
    .split('\n')
    .forEach((line, i) => {
      const cells: TestCell[] = line.split(',');
      // A national number typed into Excel is stored as a number (5123 4567 → 51234567).
      if (i > 0 && /^\d{7,}$/.test(String(cells[2]))) cells[2] = Number(cells[2]);
      rows.set(i + 1, cells);
    });
  return buildXlsx([{ name: 'Customers', rows }]);
}

function odsOf(csv: string): Uint8Array {
  const rows = csv
    .trimEnd()
    .split('\n')
    .map((line, i) =>
      line.split(',').map((cell, c) => (i > 0 && c === 2 && /^\d{7,}$/.test(cell) ? Number(cell) : cell)),
    );
  return odsOfRows('Customers', rows);
}

interface Measured {
  ms: number;
  cpuMs: number;
  peakRss: number;
  rows: number;
}

async function measure(run: () => ImportOutcome | Promise<ImportOutcome>): Promise<Measured> {
  globalThis.gc?.();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  // Let the sampler start before the synchronous import holds the thread.
  await new Promise((resolve) => setTimeout(resolve, 25));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await run();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (!outcome.ok) throw new Error(outcome.error);
    return {
      ms,
      // CPU time moves less than wall time with the machine's load (GC threads included).
      cpuMs: (used.user + used.system) / 1000,
      peakRss: Math.max(peakRss, process.memoryUsage().rss),
      rows: outcome.result.counts.total,
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function runXlsxImportBench(rows = 100_000): Promise<void> {
  const csv = generateCsv(rows);
  const csvBytes = new TextEncoder().encode(csv);
  const xlsx = workbookOf(csv);
  const ods = odsOf(csv);
  console.log(
    `files: ${rows.toLocaleString('en')} rows · CSV ${mb(csvBytes.length)} · .xlsx ${mb(xlsx.length)} · .ods ${mb(ods.length)}`,
  );
  const options = { fileName: 'bench', defaultCountry: 'EE' };
  // A shared machine's load changes both figures: the lead reruns them on a quiet one.
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // Each path once on a small file first, so that neither figure pays for the other's compiling.
  const small = generateCsv(5_000);
  for (const bytes of [new TextEncoder().encode(small), workbookOf(small), odsOf(small)]) {
    importRecipients(bytes, options);
    importRecipients(bytes, options, nativeInflateRaw);
    importRecipients(bytes, options, await inflateAhead(bytes));
  }
  type Inflater = InflateRaw | 'ahead' | undefined;
  /** Name, file, inflater, and whether the 3× time target applies. */
  const cases: [string, Uint8Array, Inflater, boolean][] = [
    ['CSV', csvBytes, undefined, false],
    ['.xlsx (zlib, CLI)', xlsx, nativeInflateRaw, true],
    ['.xlsx (DecompressionStream, app)', xlsx, 'ahead', true],
    ['.xlsx (fflate alone)', xlsx, undefined, true],
    ['.ods (zlib, CLI)', ods, nativeInflateRaw, false],
    ['.ods (DecompressionStream, app)', ods, 'ahead', false],
    ['.ods (fflate alone)', ods, undefined, false],
  ];
  const importWith = async (bytes: Uint8Array, inflate: Inflater): Promise<ImportOutcome> =>
    importRecipients(bytes, options, inflate === 'ahead' ? await inflateAhead(bytes) : inflate);
  // Rounds in turn, each path once a round, and the median of each: one import of a few hundred ms
  // is at the mercy of one garbage collection or one busy neighbour on a shared machine.
  const runs = cases.map((): Measured[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, bytes, inflate]] of cases.entries()) {
      runs[i]?.push(await measure(() => importWith(bytes, inflate)));
    }
  }
  const [plain, ...books] = runs.map(summary);
  if (!plain) return;
  console.log(
    `CSV import (median of ${ROUNDS}): ${plain.ms.toFixed(0)} ms (CPU ${plain.cpuMs.toFixed(0)} ms), ${plain.rows.toLocaleString('en')} rows`,
  );
  books.forEach((book, i) => {
    const name = cases[i + 1]?.[0] ?? '';
    const targeted = cases[i + 1]?.[3] ?? false;
    const ratio = book.ms / plain.ms;
    const cpuRatio = book.cpuMs / plain.cpuMs;
    const verdict = targeted ? `(target ≤ 3×) ${ratio <= 3 ? 'OK' : 'OVER'}` : '(no target)';
    console.log(
      `${name} import (median of ${ROUNDS}): ${book.ms.toFixed(0)} ms (CPU ${book.cpuMs.toFixed(0)} ms), ${book.rows.toLocaleString('en')} rows · ${ratio.toFixed(2)}× the CSV, CPU ${cpuRatio.toFixed(2)}× ${verdict}`,
    );
    console.log(
      `${name} peak RSS: ${mb(book.peakRss)} (target < 1 GB) ${book.peakRss < 1024 ** 3 ? 'OK' : 'OVER'}`,
    );
  });
}

const ROUNDS = 3;

/** The median time and CPU time of a path's runs, and the highest peak RSS among them. */
function summary(runs: Measured[]): Measured {
  const median = (values: number[]): number =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    rows: runs[0]?.rows ?? 0,
  };
}
