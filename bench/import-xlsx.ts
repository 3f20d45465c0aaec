// Workbook import benchmark: the same 100 000 rows as a CSV file, as an Excel workbook (.xlsx, phone
// numbers in national form stored as numbers, as Excel keeps them) and as an OpenDocument
// spreadsheet (.ods, with LibreOffice's repeated empty cells and rows), each imported in full.
// Target: the workbook within 3× the CSV's time, peak memory under 1 GB. Both sides are imported
// from bytes in memory through importRecipients, so through the same detection and row rules.
// Each workbook is read twice: with Node's zlib inflating its parts (as the CLI reads it) and with
// fflate's plain JavaScript (as the window's import worker reads it).
import { loadavg } from 'node:os';
import { importRecipients, type ImportOutcome, type InflateRaw } from '../shared/import';
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

async function measure(
  run: () => ImportOutcome,
): Promise<{ ms: number; cpuMs: number; peakRss: number; rows: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  // Let the sampler start before the synchronous import holds the thread.
  await new Promise((resolve) => setTimeout(resolve, 25));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = run();
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
  }
  const plain = await measure(() => importRecipients(csvBytes, options));
  console.log(
    `CSV import: ${plain.ms.toFixed(0)} ms (CPU ${plain.cpuMs.toFixed(0)} ms), ${plain.rows.toLocaleString('en')} rows`,
  );
  const cases: [string, Uint8Array, InflateRaw | undefined][] = [
    ['.xlsx (zlib, CLI)', xlsx, nativeInflateRaw],
    ['.xlsx (fflate, app)', xlsx, undefined],
    ['.ods (zlib, CLI)', ods, nativeInflateRaw],
    ['.ods (fflate, app)', ods, undefined],
  ];
  for (const [name, bytes, inflate] of cases) {
    const book = await measure(() => importRecipients(bytes, options, inflate));
    const ratio = book.ms / plain.ms;
    const cpuRatio = book.cpuMs / plain.cpuMs;
    console.log(
      `${name} import: ${book.ms.toFixed(0)} ms (CPU ${book.cpuMs.toFixed(0)} ms), ${book.rows.toLocaleString('en')} rows · ${ratio.toFixed(2)}× the CSV, CPU ${cpuRatio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `${name} peak RSS: ${mb(book.peakRss)} (target < 1 GB) ${book.peakRss < 1024 ** 3 ? 'OK' : 'OVER'}`,
    );
  }
}
