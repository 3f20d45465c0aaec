// Import benchmark: a deterministic ~50 MB CSV (1 000 000 rows × 5 columns), parsed bare by
// papaparse (header: true, in memory) and imported in full (decode, parse, normalise, dedupe, then the
// encode/segment/cost preview of every sendable row) on one core, as the app (one Web Worker) and the
// CLI do.
import Papa from 'papaparse';
import { importRecipients, type ImportOutcome, type ImportResult } from '../shared/import';
import {
  addToTotals,
  compileTemplate,
  createTotals,
  previewRow,
  type PriceTable,
  type Totals,
} from '../shared/sms';
import { seededRandom as random } from '../shared/random';

const FIRST = ['Mari', 'Jüri', 'Anna', 'Jaan', 'Kadri', 'Mihkel', 'Liis', 'Toomas', 'Kätlin', 'Priit'];
const LAST = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel'];
const CITIES = ['Tallinn', 'Tartu', 'Narva', 'Pärnu', 'Kohtla-Järve', 'Viljandi', 'Rakvere', 'Maardu'];

export function generateCsv(rows: number): string {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const parts: string[] = ['first_name,last_name,phone,city,customer_since\n'];
  const issued: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = next();
    const subscriber = 1000000 + ((i * 7919) % 8999999);
    let phone: string;
    if (r < 0.01) phone = pick(['12', '+372 1234 567', 'n/a', '3.72512E+10']);
    else if (r < 0.06 && issued.length > 0) phone = pick(issued.slice(-1000));
    else if (r < 0.46)
      phone = `5${String(subscriber).slice(0, 7)}`; // national format, EE default
    else phone = `+3725${String(subscriber).slice(0, 7)}`;
    if (i % 97 === 0) issued.push(phone);
    const since = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10} 1${i % 10}:${10 + (i % 50)}:${10 + (i % 49)}`;
    parts.push(`${pick(FIRST)},${pick(LAST)},${phone},${pick(CITIES)},${since}\n`);
  }
  return parts.join('');
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const PRICES: PriceTable = { EE: { minMicros: 40000, maxMicros: 45000, networks: 1 } };
const TEMPLATE = 'Tere {{first_name}}! Your {{city}} appointment is confirmed. Reply STOP to opt out.';

/** The campaign preview over every row that will be sent: what the wizard shows after an import. */
export function previewAll(result: ImportResult): Totals {
  const compiled = compileTemplate(TEMPLATE, result.header);
  if (!compiled.ok) throw new Error('bench template does not compile');
  const totals = createTotals();
  for (const r of result.recipients) {
    if (r.status !== 'ok') continue;
    addToTotals(totals, previewRow(compiled.template, r.fields, r.to, { autoconvert: 'on', prices: PRICES }));
  }
  return totals;
}

interface Timed {
  importMs: number;
  previewMs: number;
  result: ImportResult;
  totals: Totals;
}

interface WithRss<T> {
  value: T;
  startRss: number;
  peakRss: number;
}

/** Runs `run` while sampling the process's RSS every 20 ms (and at both ends). */
async function withPeakRss<T>(run: () => Promise<T>): Promise<WithRss<T>> {
  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const value = await run();
    return { value, startRss, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

async function timeFull(run: () => ImportOutcome | Promise<ImportOutcome>): Promise<Timed> {
  globalThis.gc?.();
  const started = performance.now();
  const outcome = await run();
  const importMs = performance.now() - started;
  if (!outcome.ok) throw new Error(outcome.error);
  const previewStarted = performance.now();
  const totals = previewAll(outcome.result);
  return { importMs, previewMs: performance.now() - previewStarted, result: outcome.result, totals };
}

/** The file as bytes, and the bare parse of its text; the text is not kept (the app only holds bytes). */
function bareParse(rows: number): { bytes: Uint8Array; parseMs: number } {
  const text = generateCsv(rows);
  const bytes = new TextEncoder().encode(text);
  console.log(`file: ${rows.toLocaleString('en')} rows, ${mb(bytes.length)}`);
  globalThis.gc?.();
  const started = performance.now();
  const bare = Papa.parse<Record<string, string>>(text, { header: true });
  const parseMs = performance.now() - started;
  console.log(
    `bare papaparse (header: true): ${parseMs.toFixed(0)} ms, ${bare.data.length.toLocaleString('en')} rows`,
  );
  return { bytes, parseMs };
}

export async function runImportBench(opts: { rows: number; quick?: boolean }): Promise<void> {
  const rows = opts.quick ? Math.min(opts.rows, 100_000) : opts.rows;
  const { bytes, parseMs } = bareParse(rows);

  const options = { fileName: 'bench.csv', defaultCountry: 'EE' };
  // Peak RSS of the import and preview, sampled from just before the run starts; the figure includes
  // what the process already holds then (the file's bytes, and heap pages V8 keeps committed after the
  // bare parse: compare with the figure at start).
  const single = await withPeakRss(() => timeFull(() => importRecipients(bytes, options)));
  const t = single.value;
  const { counts } = t.result;
  const full = t.importMs + t.previewMs;
  console.log(
    `full import: import ${t.importMs.toFixed(0)} ms + preview ${t.previewMs.toFixed(0)} ms = ${full.toFixed(0)} ms · ` +
      `ratio ${(t.importMs / parseMs).toFixed(2)}× without preview, ${(full / parseMs).toFixed(2)}× full ` +
      `(target ≤ 1.2×) ${full / parseMs <= 1.2 ? 'OK' : 'OVER'} · ${Math.round(rows / (full / 1000)).toLocaleString('en')} rows/s`,
  );
  console.log(
    `ok ${counts.ok}, invalid ${counts.invalid}, duplicate ${counts.duplicate} · preview: ${t.totals.messages} messages, ${t.totals.segments} segments`,
  );
  console.log(
    `peak RSS: ${mb(single.peakRss)} (${mb(single.startRss)} at start) (target < 1 GB) ${single.peakRss < 1024 ** 3 ? 'OK' : 'OVER'}`,
  );
}
