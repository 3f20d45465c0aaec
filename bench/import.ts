// Import benchmark: a deterministic ~50 MB CSV (1 000 000 rows × 5 columns), parsed bare by
// papaparse (header: true, in memory) and imported in full (decode, parse, normalise, dedupe).
// Single-threaded on purpose: this is what one Web Worker does in the app. Both cores are not used
// here; the renderer could split a file across two workers at line boundaries (a quoted newline makes
// that unsafe in general), which is left as a note rather than done.
import Papa from 'papaparse';
import { importRecipients } from '../shared/import';

const FIRST = ['Mari', 'Jüri', 'Anna', 'Jaan', 'Kadri', 'Mihkel', 'Liis', 'Toomas', 'Kätlin', 'Priit'];
const LAST = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel'];
const CITIES = ['Tallinn', 'Tartu', 'Narva', 'Pärnu', 'Kohtla-Järve', 'Viljandi', 'Rakvere', 'Maardu'];

/** A tiny deterministic PRNG (mulberry32), so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export async function runImportBench(opts: { rows: number; quick?: boolean }): Promise<void> {
  const rows = opts.quick ? Math.min(opts.rows, 100_000) : opts.rows;
  const text = generateCsv(rows);
  const bytes = new TextEncoder().encode(text);
  console.log(`file: ${rows.toLocaleString('en')} rows, ${mb(bytes.length)}`);
  const gc = (globalThis as { gc?: () => void }).gc;

  gc?.();
  let started = performance.now();
  const bare = Papa.parse<Record<string, string>>(text, { header: true });
  const parseMs = performance.now() - started;
  console.log(
    `bare papaparse (header: true): ${parseMs.toFixed(0)} ms, ${bare.data.length.toLocaleString('en')} rows`,
  );
  bare.data.length = 0;

  gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  started = performance.now();
  const outcome = importRecipients(bytes, { fileName: 'bench.csv', defaultCountry: 'EE' });
  const importMs = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  if (!outcome.ok) throw new Error(outcome.error);
  const { counts } = outcome.result;
  const ratio = importMs / parseMs;
  console.log(
    `full import: ${importMs.toFixed(0)} ms · ok ${counts.ok}, invalid ${counts.invalid}, duplicate ${counts.duplicate}`,
  );
  console.log(`ratio: ${ratio.toFixed(2)}× bare parse (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
  console.log(`rows/s: ${Math.round(rows / (importMs / 1000)).toLocaleString('en')}`);
  console.log(`peak RSS: ${mb(peak)} (target < 1 GB) ${peak < 1024 ** 3 ? 'OK' : 'OVER'}`);
}
